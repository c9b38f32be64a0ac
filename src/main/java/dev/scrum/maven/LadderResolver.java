package dev.scrum.maven;

import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.provider.Provider;
import dev.scrum.redact.RedactionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Resolves the ladder: {@code -Dscrum.ladder} over the POM's {@code <ladder>} over the default six rungs;
 * provider defaults applied; each rung's servers and key resolved by the {@link EndpointResolver}. A rung that
 * needs a key and has none is kept but marked skipped, with the reason; it is never called unauthenticated.
 */
final class LadderResolver {

    static final List<RungConfig> DEFAULT_LADDER = List.of(
            new RungConfig(Provider.OLLAMA.id(), "qwen3.5:latest"),
            new RungConfig(Provider.OLLAMA.id(), "qwen3:latest"),
            new RungConfig(Provider.OLLAMA.id(), "gpt-oss:20b"),
            new RungConfig(Provider.OLLAMA_CLOUD.id(), "gpt-oss:120b"),
            new RungConfig(Provider.OLLAMA_CLOUD.id(), "devstral-2:123b"),
            new RungConfig(Provider.OLLAMA_CLOUD.id(), "mistral-large-3:675b"));

    private final EndpointResolver endpoints;

    LadderResolver(Credentials credentials, Map<String, String> environment) {
        this.endpoints = new EndpointResolver(credentials, environment);
    }

    /**
     * @param commandLine the value of {@code -Dscrum.ladder}, or {@code null}
     * @param pom the POM's rungs, or {@code null}/empty
     */
    List<Rung> resolve(String commandLine, List<RungConfig> pom) throws MojoExecutionException {
        List<RungConfig> configs;
        String origin;
        if (commandLine != null && !commandLine.isBlank()) {
            configs = parse(commandLine);
            origin = "scrum.ladder";
        } else if (pom != null) {
            if (pom.isEmpty()) {
                throw new MojoExecutionException("<ladder> is empty: add at least one <rung> with <provider> and "
                        + "<model>, or remove <ladder> to use the default ladder");
            }
            configs = pom;
            origin = "ladder";
        } else {
            configs = DEFAULT_LADDER;
            origin = "ladder";
        }
        List<Rung> rungs = new ArrayList<>();
        for (int i = 0; i < configs.size(); i++) {
            rungs.add(resolve(configs.get(i), origin + " rung " + (i + 1)));
        }
        return rungs;
    }

    /**
     * The rungs as this run calls them: secrets masked as {@code redaction} says for each rung's servers, and,
     * when Maven runs offline ({@code -o}), every rung with a server not on this machine skipped as
     * {@code offline}.
     */
    static List<Rung> forRun(List<Rung> rungs, RedactionPolicy redaction, boolean offline) {
        List<Rung> out = new ArrayList<>();
        for (Rung rung : rungs) {
            Rung r = rung.withRedaction(redaction);
            if (offline && r.usable() && !r.local()) {
                r = r.offline();
            }
            out.add(r);
        }
        return out;
    }

    /** The {@code redactSecrets} parameter's policy. */
    static RedactionPolicy redaction(String value) throws MojoExecutionException {
        try {
            return RedactionPolicy.parse(value == null ? RedactionPolicy.REMOTE.id() : value);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<redactSecrets> (scrum.redactSecrets): " + e.getMessage());
        }
    }

    /** {@code ollama/qwen3.5:latest,openai/gpt-4o-mini}: each item {@code provider/model}. */
    static List<RungConfig> parse(String value) throws MojoExecutionException {
        List<RungConfig> out = new ArrayList<>();
        for (String item : value.split(",")) {
            String it = item.trim();
            if (it.isEmpty()) {
                continue;
            }
            int slash = it.indexOf('/');
            if (slash <= 0 || slash == it.length() - 1) {
                throw new MojoExecutionException("-Dscrum.ladder item '" + it + "' is not provider/model: write e.g. "
                        + "-Dscrum.ladder=ollama/qwen3.5:latest,openai/gpt-4o-mini");
            }
            out.add(new RungConfig(it.substring(0, slash), it.substring(slash + 1)));
        }
        if (out.isEmpty()) {
            throw new MojoExecutionException("-Dscrum.ladder is empty: name at least one provider/model");
        }
        return out;
    }

    private Rung resolve(RungConfig c, String where) throws MojoExecutionException {
        Provider provider;
        try {
            provider = Provider.forChat(c.provider);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<" + where + "><provider>: " + e.getMessage());
        }
        if (c.model == null || c.model.isBlank()) {
            throw new MojoExecutionException("<" + where + "><model> is missing: name the model, e.g. qwen3.5:latest");
        }
        ServerEndpoint endpoint = endpoints.resolve(provider, c, where, "the rung");
        AnswerFormat format = provider.defaultFormat();
        if (c.format != null && !c.format.isBlank()) {
            try {
                format = AnswerFormat.parse(c.format);
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("<" + where + "><format>: " + e.getMessage());
            }
        }
        int maxTokens = positive(c.maxTokens, Rung.DEFAULT_MAX_TOKENS, where, "maxTokens");
        int timeout = positive(c.timeoutSeconds, (int) Rung.DEFAULT_TIMEOUT.toSeconds(), where, "timeoutSeconds");
        int maxConcurrent = positive(c.maxConcurrent, Rung.LEARNED, where, "maxConcurrent");
        int contextTokens = positive(c.contextTokens, provider.defaultContextTokens(), where, "contextTokens");
        if (contextTokens <= maxTokens) {
            throw new MojoExecutionException("<" + where + "><contextTokens> is " + contextTokens
                    + ", no more than maxTokens (" + maxTokens + "): the window must hold the prompt and the answer");
        }
        if (c.temperature != null && (c.temperature < 0 || c.temperature > 2)) {
            throw new MojoExecutionException("<" + where + "><temperature> is " + c.temperature
                    + ": use a value from 0 to 2");
        }
        return Rung.builder()
                .provider(provider)
                .model(c.model.trim())
                .baseUrl(endpoint.baseUrl())
                .baseUrls(endpoint.servers())
                .apiKey(endpoint.key())
                .skipReason(endpoint.missingKey())
                .format(format)
                .maxTokens(maxTokens)
                .temperature(c.temperature)
                .timeout(Duration.ofSeconds(timeout))
                .maxConcurrent(maxConcurrent)
                .contextTokens(contextTokens)
                .note(c.note)
                .build();
    }

    private static int positive(Integer value, int fallback, String where, String name) throws MojoExecutionException {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new MojoExecutionException("<" + where + "><" + name + "> is " + value + ": use a positive number");
        }
        return value;
    }
}
