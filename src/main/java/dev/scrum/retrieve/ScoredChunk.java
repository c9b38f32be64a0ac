package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;
import java.util.Objects;

/**
 * A retrieved passage and how relevant it is to the source file: the best cosine similarity between the passage
 * and any of the file's query passages.
 */
public record ScoredChunk(Chunk chunk, double score) {
    public ScoredChunk {
        Objects.requireNonNull(chunk, "chunk");
    }
}
