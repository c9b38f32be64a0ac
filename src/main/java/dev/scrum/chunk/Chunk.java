package dev.scrum.chunk;

import java.util.Objects;

/**
 * A passage of a document: the text of {@code document.text().substring(offset, offset + text.length())}.
 *
 * @param kind which document it is a passage of
 * @param offset its first character's offset in the document
 * @param text its exact text
 * @param heading the heading path of the section it lies in ({@code Writing Tests > Timeouts}), or {@code null}
 *     when it lies before any heading or the document has none
 * @param line the 1-based line of {@code offset}; 0 when not known (a passage read back from an older report)
 */
public record Chunk(DocumentKind kind, int offset, String text, String heading, int line) {
    public Chunk {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (offset < 0) {
            throw new IllegalArgumentException("offset < 0: " + offset);
        }
        if (line < 0) {
            throw new IllegalArgumentException("line < 0: " + line);
        }
        heading = heading == null || heading.isBlank() ? null : heading;
    }

    /** Length in characters. */
    public int length() {
        return text.length();
    }

    /** How a prompt labels this passage, e.g. {@code [PRD @27880]}. */
    public String label() {
        return "[" + kind.promptLabel() + " @" + offset + "]";
    }

    /**
     * What retrieval reads of the passage: its heading path, then its text. A window in the middle of a long
     * section carries no heading line of its own; the path tells a ranker which section it belongs to.
     */
    public String searchText() {
        return heading == null ? text : heading + "\n" + text;
    }
}
