package dev.scrum.maven;

/**
 * A {@code <rung>} of the POM's {@code <ladder>}, as written. Every field but {@code provider} and
 * {@code model} is optional.
 */
public class RungConfig extends ServerConfig {
    /** A provider that chats: {@code ollama}, {@code ollama-cloud} or {@code openai}. */
    String provider;
    /** The model's name on the server. */
    String model;
    /** More servers of the same model (replicas); calls spread over them, each with its own limit. */
    java.util.List<String> replicas;
    /** {@code json} or {@code markdown}. */
    String format;
    Integer maxTokens;
    Double temperature;
    Integer timeoutSeconds;
    /** Calls in flight to each server at most; unset, each server's limit is learned during the run. */
    Integer maxConcurrent;
    Integer contextTokens;
    /** Shown in the report. */
    String note;

    public RungConfig() {}

    RungConfig(String provider, String model) {
        this.provider = provider;
        this.model = model;
    }

    @Override
    java.util.List<String> replicas() {
        return replicas == null ? java.util.List.of() : replicas;
    }
}
