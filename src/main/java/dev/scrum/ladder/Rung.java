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
 * @param maxConcurrent calls in flight to this rung at most
 * @param contextTokens the rung's context window in tokens, or 0 when unknown
 * @param note a note shown in the report, or {@code null}
 * @param baseUrls every server of the rung: replicas serving the same model, each with its own
 *     {@code maxConcurrent}; {@code baseUrl} is the first
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

    public Rung {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(timeout, "timeout");
        if (maxTokens <= 0) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        if (maxConcurrent <= 0) {
            throw new IllegalArgumentException("maxConcurrent must be positive: " + maxConcurrent);
        }
        baseUrls = baseUrls == null || baseUrls.isEmpty() ? List.of(baseUrl) : List.copyOf(baseUrls);
        if (!baseUrls.get(0).equals(baseUrl)) {
            throw new IllegalArgumentException("baseUrl must be the first of baseUrls");
        }
    }

    /** A rung that masks secrets when one of its servers is not on this machine ({@code redactSecrets=remote}). */
    public Rung(Provider provider, String model, URI baseUrl, ApiKey apiKey, String skipReason, AnswerFormat format,
            int maxTokens, Double temperature, Duration timeout, int maxConcurrent, int contextTokens, String note,
            List<URI> baseUrls) {
        this(provider, model, baseUrl, apiKey, skipReason, format, maxTokens, temperature, timeout, maxConcurrent,
                contextTokens, note, baseUrls, RedactionPolicy.REMOTE.appliesTo(
                        baseUrls == null || baseUrls.isEmpty() ? List.of(baseUrl) : baseUrls));
    }

    /** A rung with one server. */
    public Rung(Provider provider, String model, URI baseUrl, ApiKey apiKey, String skipReason, AnswerFormat format,
            int maxTokens, Double temperature, Duration timeout, int maxConcurrent, int contextTokens, String note) {
        this(provider, model, baseUrl, apiKey, skipReason, format, maxTokens, temperature, timeout, maxConcurrent,
                contextTokens, note, List.of(baseUrl));
    }

    /** A rung with every option at its default, for {@code provider/model}. */
    public static Rung of(Provider provider, String model, URI baseUrl) {
        return new Rung(provider, model, baseUrl, null, null, provider.defaultFormat(), DEFAULT_MAX_TOKENS, null,
                DEFAULT_TIMEOUT, 1, 0, null);
    }

    /** {@code provider/model}, as the report and {@code summary.json} name a rung. */
    public String id() {
        return provider.id() + "/" + model;
    }

    /** Whether this rung is to be called at all. */
    public boolean usable() {
        return skipReason == null;
    }

    public Rung withSkipReason(String reason) {
        return new Rung(provider, model, baseUrl, apiKey, reason, format, maxTokens, temperature, timeout,
                maxConcurrent, contextTokens, note, baseUrls, redactSecrets);
    }

    public Rung withFormat(AnswerFormat newFormat) {
        return new Rung(provider, model, baseUrl, apiKey, skipReason, newFormat, maxTokens, temperature, timeout,
                maxConcurrent, contextTokens, note, baseUrls, redactSecrets);
    }

    /** This rung on one of its servers only. */
    public Rung onServer(URI server) {
        return new Rung(provider, model, server, apiKey, skipReason, format, maxTokens, temperature, timeout,
                maxConcurrent, contextTokens, note, List.of(server), redactSecrets);
    }

    public Rung withApiKey(ApiKey key) {
        return new Rung(provider, model, baseUrl, key, skipReason, format, maxTokens, temperature, timeout,
                maxConcurrent, contextTokens, note, baseUrls, redactSecrets);
    }

    /** This rung with secrets masked or not in what it is sent, as {@code policy} says for its servers. */
    public Rung withRedaction(RedactionPolicy policy) {
        return new Rung(provider, model, baseUrl, apiKey, skipReason, format, maxTokens, temperature, timeout,
                maxConcurrent, contextTokens, note, baseUrls, policy.appliesTo(baseUrls));
    }

    /** Whether every server of the rung is on this machine (a loopback URL). */
    public boolean local() {
        return baseUrls.stream().allMatch(Provider::isLoopback);
    }
}
