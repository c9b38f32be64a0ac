package dev.scrum.ladder;

import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.ApiKey;
import dev.scrum.provider.Provider;
import dev.scrum.redact.RedactionPolicy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One model of the ladder, resolved: defaults applied, credential looked up.
 *
 * @param provider the server's protocol
 * @param model the model's name on the server
 * @param baseUrl where the server is
 * @param apiKey the credential, or {@code null} (loopback servers need none)
 * @param skipReason why this rung must not be called (a remote rung without a key), or {@code null}
 * @param format what the answer must be
 * @param maxTokens the most tokens an answer may have
 * @param temperature sampling temperature, or {@code null} for the server's default
 * @param timeout the longest one call may take
 * @param maxConcurrent calls in flight to each server of this rung at most, or {@link #LEARNED} (0) to learn
 *     each server's limit during the run (see {@link dev.scrum.concurrency.AdaptiveLimit})
 * @param contextTokens the rung's context window in tokens, or 0 when unknown
 * @param note a note shown in the report, or {@code null}
 * @param baseUrls every server of the rung: replicas serving the same model, each with its own
 *     concurrency limit; {@code baseUrl} is the first
 * @param redactSecrets whether secrets are masked in what this rung is sent (see {@link RedactionPolicy})
 */
public record Rung(
        Provider provider,
        String model,
        URI baseUrl,
        ApiKey apiKey,
        String skipReason,
        AnswerFormat format,
        int maxTokens,
        Double temperature,
        Duration timeout,
        int maxConcurrent,
        int contextTokens,
        String note,
        List<URI> baseUrls,
        boolean redactSecrets) {

    public static final int DEFAULT_MAX_TOKENS = 1500;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(180);
    /** How the skip reason of a rung left out by an offline build begins. */
    private static final String OFFLINE = "offline: ";
    /** {@code maxConcurrent} unset: each server's limit is learned during the run. */
    public static final int LEARNED = 0;

    public Rung {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeout, "timeout");
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        if (maxConcurrent < 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive, or 0 to learn it: " + maxConcurrent);
        }
        baseUrls = baseUrls == null || baseUrls.isEmpty() ? List.of(baseUrl) : List.copyOf(baseUrls);
        if (!baseUrls.get(0).equals(baseUrl)) {
            throw new IllegalArgumentException("baseUrl must be the first of baseUrls");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().provider(provider).model(model).baseUrl(baseUrl).apiKey(apiKey).skipReason(skipReason)
                .format(format).maxTokens(maxTokens).temperature(temperature).timeout(timeout)
                .maxConcurrent(maxConcurrent).contextTokens(contextTokens).note(note).baseUrls(baseUrls)
                .redactSecrets(redactSecrets);
    }

    /** A rung with every option at its default, for {@code provider/model}. */
    public static Rung of(Provider provider, String model, URI baseUrl) {
        return builder().provider(provider).model(model).baseUrl(baseUrl).build();
    }

    /** {@code provider/model}, as the report and {@code summary.json} name a rung. */
    public String id() {
        return provider.id() + "/" + model;
    }

    /** Whether each server's concurrency limit is learned during the run ({@code maxConcurrent} unset). */
    public boolean adaptive() {
        return maxConcurrent == LEARNED;
    }

    /** A server's URL for messages and reports: without user info, query or fragment. */
    public static String shown(URI server) {
        return server.getScheme() + "://" + server.getHost() + (server.getPort() == -1 ? "" : ":" + server.getPort())
                + (server.getRawPath() == null ? "" : server.getRawPath());
    }

    /** Whether this rung is to be called at all. */
    public boolean usable() {
        return skipReason == null;
    }

    public Rung withSkipReason(String reason) {
        return toBuilder().skipReason(reason).build();
    }

    /** This rung, skipped because the build runs offline ({@code -o}) and its server is not on this machine. */
    public Rung offline() {
        return withSkipReason(OFFLINE + "Maven runs offline (-o) and " + baseUrl + " is not on this machine");
    }

    /** Whether this rung is skipped because the build runs offline (see {@link #offline()}). */
    public boolean skippedOffline() {
        return skipReason != null && skipReason.startsWith(OFFLINE);
    }

    public Rung withFormat(AnswerFormat newFormat) {
        return toBuilder().format(newFormat).build();
    }

    /** This rung on one of its servers only. */
    public Rung onServer(URI server) {
        return toBuilder().baseUrl(server).baseUrls(List.of(server)).build();
    }

    public Rung withApiKey(ApiKey key) {
        return toBuilder().apiKey(key).build();
    }

    /** This rung with secrets masked or not in what it is sent, as {@code policy} says for its servers. */
    public Rung withRedaction(RedactionPolicy policy) {
        return toBuilder().redactSecrets(policy.appliesTo(baseUrls)).build();
    }

    /** Whether every server of the rung is on this machine (a loopback URL). */
    public boolean local() {
        return baseUrls.stream().allMatch(Provider::isLoopback);
    }

    /**
     * Builds a {@link Rung}. Unset options take their defaults: the provider's answer format, {@link
     * #DEFAULT_MAX_TOKENS}, {@link #DEFAULT_TIMEOUT}, a learned concurrency limit, an unknown window, {@code baseUrl} as the
     * only server, and secrets masked when a server is not on this machine ({@code redactSecrets=remote}).
     */
    public static final class Builder {
        private Provider provider;
        private String model;
        private URI baseUrl;
        private ApiKey apiKey;
        private String skipReason;
        private AnswerFormat format;
        private int maxTokens = DEFAULT_MAX_TOKENS;
        private Double temperature;
        private Duration timeout = DEFAULT_TIMEOUT;
        private int maxConcurrent = LEARNED;
        private int contextTokens;
        private String note;
        private List<URI> baseUrls;
        private Boolean redactSecrets;

        private Builder() {}

        public Builder provider(Provider value) {
            provider = value;
            return this;
        }

        public Builder model(String value) {
            model = value;
            return this;
        }

        public Builder baseUrl(URI value) {
            baseUrl = value;
            return this;
        }

        public Builder apiKey(ApiKey value) {
            apiKey = value;
            return this;
        }

        public Builder skipReason(String value) {
            skipReason = value;
            return this;
        }

        public Builder format(AnswerFormat value) {
            format = value;
            return this;
        }

        public Builder maxTokens(int value) {
            maxTokens = value;
            return this;
        }

        public Builder temperature(Double value) {
            temperature = value;
            return this;
        }

        public Builder timeout(Duration value) {
            timeout = value;
            return this;
        }

        public Builder maxConcurrent(int value) {
            maxConcurrent = value;
            return this;
        }

        public Builder contextTokens(int value) {
            contextTokens = value;
            return this;
        }

        public Builder note(String value) {
            note = value;
            return this;
        }

        /** Every server of the rung, {@code baseUrl} first. */
        public Builder baseUrls(List<URI> value) {
            baseUrls = value;
            return this;
        }

        public Builder redactSecrets(boolean value) {
            redactSecrets = value;
            return this;
        }

        public Rung build() {
            List<URI> servers = baseUrls == null || baseUrls.isEmpty() ? List.of(baseUrl) : baseUrls;
            return new Rung(provider, model, baseUrl, apiKey, skipReason,
                    format == null && provider != null ? provider.defaultFormat() : format, maxTokens, temperature,
                    timeout, maxConcurrent, contextTokens, note, servers,
                    redactSecrets == null ? RedactionPolicy.REMOTE.appliesTo(servers) : redactSecrets);
        }
    }
}
