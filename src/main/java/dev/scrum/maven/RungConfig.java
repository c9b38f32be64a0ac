package dev.scrum.maven;

/**
 * A {@code <rung>} of the POM's {@code <ladder>}, as written. Every field but {@code provider} and
 * {@code model} is optional. There is no field for a key: keys come from settings.xml or the environment.
 */
public class RungConfig {
    /** {@code ollama}, {@code ollama-cloud} or {@code openai}. */
    String provider;
    /** The model's name on the server. */
    String model;
    /** The server; the provider's default when absent. */
    String baseUrl;
    /** More servers of the same model (replicas); calls spread over them, each capped at maxConcurrent. */
    java.util.List<String> replicas;
    /** A settings.xml {@code <server>} whose password is the API key. */
    String serverId;
    /** An environment variable holding the API key. */
    String apiKeyEnv;
    /** {@code json} or {@code markdown}. */
    String format;
    Integer maxTokens;
    Double temperature;
    Integer timeoutSeconds;
    Integer maxConcurrent;
    Integer contextTokens;
    /** Shown in the report. */
    String note;

    public RungConfig() {}

    RungConfig(String provider, String model) {
        this.provider = provider;
        this.model = model;
    }
}
