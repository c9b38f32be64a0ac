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
public record WindowChunker(int size, int overlap) implements Chunker {

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

    /**
     * The windows of {@code doc}, in document order. Each carries its line and, in a Markdown or AsciiDoc
     * document, the heading path of the section it starts in.
     */
    @Override
    public List<Chunk> chunk(Document doc) {
        Outline outline = Outline.of(doc);
        List<Chunk> chunks = new ArrayList<>();
        for (int[] w : windows(doc.text(), 0, doc.text().length())) {
            chunks.add(new Chunk(doc.kind(), w[0], doc.text().substring(w[0], w[1]), outline.headingAt(w[0]),
                    outline.line(w[0])));
        }
        return chunks;
    }

    /**
     * The windows of {@code text.substring(from, to)} as {@code [start, end)} offsets into {@code text}, by the
     * rules above.
     */
    List<int[]> windows(String text, int from, int to) {
        int step = size - overlap;
        List<int[]> windows = new ArrayList<>();
        int previousEnd = from;
        for (int start = from; start < to; start += step) {
            int end = Math.min(start + size, to);
            if (!isShort(text, start, end)) {
                windows.add(new int[] {start, end});
            } else if (end == to && start > from && !text.substring(previousEnd, end).isBlank()) {
                int anchored = Math.max(from, to - size);
                windows.add(new int[] {anchored, to});
            }
            if (end == to) {
                break;
            }
            previousEnd = end;
        }
        return windows;
    }

    private static boolean isShort(String text, int start, int end) {
        return text.substring(start, end).strip().length() <= MIN_CHARS;
    }
}
