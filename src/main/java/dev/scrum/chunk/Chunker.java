package dev.scrum.chunk;

import java.util.List;

/** Cuts a document into the passages retrieval ranks and prompts carry. */
public interface Chunker {

    /** The passages of {@code doc}, in document order, each with its exact offset, line and heading path. */
    List<Chunk> chunk(Document doc);
}
