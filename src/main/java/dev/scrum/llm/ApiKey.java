package dev.scrum.llm;

import java.util.Objects;

/**
 * A credential for a model server. Its {@link #toString()} never shows the value, so a key cannot reach a
 * log line, a report or an exception message by accident.
 */
public final class ApiKey {
    private final String value;
    private final String source;

    private ApiKey(String value, String source) {
        this.value = value;
        this.source = source;
    }

    /**
     * @param value the secret
     * @param source where it came from, for messages, e.g. {@code environment variable OPENAI_API_KEY}
     */
    public static ApiKey of(String value, String source) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("empty API key from " + source);
        }
        return new ApiKey(value.trim(), Objects.requireNonNull(source, "source"));
    }

    /** The secret, for the {@code Authorization} header only. */
    public String reveal() {
        return value;
    }

    /** Where the key came from (never the key). */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ApiKey[from " + source + "]";
    }
}
