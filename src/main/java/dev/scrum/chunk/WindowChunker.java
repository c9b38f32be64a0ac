package dev.scrum.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into overlapping character windows of {@code size} characters, the next window starting
 * {@code size - overlap} characters after the previous one. Every chunk keeps its exact start offset, so that
 * {@code chunk.text().equals(doc.text().substring(chunk.offset(), chunk.offset() + chunk.length()))}.
 *
 * <p>The last window ends at the end of the text, so no tail is lost. Windows of {@value #MIN_CHARS} characters or
 * less once trimmed carry too little to retrieve and are dropped; if that would drop a short last window whose
 * uncovered part holds text, that window is instead anchored to end at the end of the text with the full
 * {@code size}.
 *
 * @param size    window length in characters ({@code chunkSize}), greater than 0
 * @param overlap characters shared by consecutive windows ({@code chunkOverlap}), {@code 0 <= overlap < size}
 */
public record WindowChunker(int size, int overlap) {

    /** The default {@code chunkSize}. */
    public static final int DEFAULT_SIZE = 800;
    /** The default {@code chunkOverlap}. */
    public static final int DEFAULT_OVERLAP = 120;
    /** Windows no longer than this once trimmed are dropped. */
    public static final int MIN_CHARS = 60;

    /**
     * @throws IllegalArgumentException naming {@code chunkSize} or {@code chunkOverlap} when out of range
     */
    public WindowChunker {
        if (size <= 0) {
            throw new IllegalArgumentException("chunkSize must be greater than 0, was " + size);
        }
        if (overlap < 0 || overlap >= size) {
            throw new IllegalArgumentException(
                    "chunkOverlap must be at least 0 and less than chunkSize (" + size + "), was " + overlap);
        }
    }

    /** A chunker with the default size and overlap (800 / 120). */
    public static WindowChunker defaults() {
        return new WindowChunker(DEFAULT_SIZE, DEFAULT_OVERLAP);
    }

    /** The windows of {@code doc}, in document order. */
    public List<Chunk> chunk(Document doc) {
        String text = doc.text();
        int length = text.length();
        int step = size - overlap;
        List<Chunk> chunks = new ArrayList<>();
        int previousEnd = 0;
        for (int start = 0; start < length; start += step) {
            int end = Math.min(start + size, length);
            if (!isShort(text, start, end)) {
                chunks.add(new Chunk(doc.kind(), start, text.substring(start, end)));
            } else if (end == length && start > 0 && !text.substring(previousEnd, end).isBlank()) {
                int anchored = length - size;
                chunks.add(new Chunk(doc.kind(), anchored, text.substring(anchored)));
            }
            if (end == length) {
                break;
            }
            previousEnd = end;
        }
        return chunks;
    }

    private static boolean isShort(String text, int start, int end) {
        return text.substring(start, end).strip().length() <= MIN_CHARS;
    }
}
