package dev.scrum.llm;

import java.util.Locale;

/** What a rung is asked to answer with. */
public enum AnswerFormat {
    /** SPEC.md's answer schema, as structured output. */
    JSON,
    /** Free markdown with a score, changes and gaps. */
    MARKDOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code json} or {@code markdown}, case-insensitively. */
    public static AnswerFormat parse(String value) {
        for (AnswerFormat f : values()) {
            if (f.id().equalsIgnoreCase(value.trim())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + value + "': use json or markdown");
    }
}
