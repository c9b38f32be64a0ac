package dev.scrum.chunk;

import java.util.Objects;

/**
 * A passage of a document: the text of {@code document.text().substring(offset, offset + text.length())}.
 */
public record Chunk(DocumentKind kind, int offset, String text) {
    public Chunk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
    }

    /** Length in characters. */
    public int length() {
        return text.length();
    }

    /** How a prompt labels this passage, e.g. {@code [PRD @27880]}. */
    public String label() {
        return "[" + kind.promptLabel() + " @" + offset + "]";
    }
}
