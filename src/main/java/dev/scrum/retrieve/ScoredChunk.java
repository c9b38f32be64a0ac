package dev.scrum.retrieve;

import dev.scrum.chunk.Chunk;

/** A retrieved passage and its similarity to the query. */
public record ScoredChunk(Chunk chunk, double score) {}
