package dev.scrum.chunk;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document as read: its kind, where it came from and its whole text. Offsets of its chunks are
 * character offsets into {@link #text()}.
 */
public record Document(DocumentKind kind, Path path, String text) {
    public Document {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }
}
