package dev.scrum.chunk;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Markdown or AsciiDoc document along its sections, so that a passage never spans two of them: a section of
 * at most {@code size} characters is one passage, a longer one is cut into windows of {@code size} characters
 * sharing {@code overlap} (by {@link WindowChunker}'s rules, inside the section). A section that is only its
 * heading (a document title or a parent heading followed at once by its first child) is no passage of its own: its
 * heading line opens the next section's first passage (so the document's first passage still starts at offset 0),
 * and its title lives on in its children's heading paths. Plain text, and a document without headings, is cut into
 * windows.
 *
 * @param size the longest passage, in characters ({@code chunkSize})
 * @param overlap characters shared by consecutive windows of one long section ({@code chunkOverlap})
 */
public record SectionChunker(int size, int overlap) implements Chunker {

    /** @throws IllegalArgumentException naming {@code chunkSize} or {@code chunkOverlap} when out of range */
    public SectionChunker {
        new WindowChunker(size, overlap);
    }

    @Override
    public List<Chunk> chunk(Document doc) {
        Outline outline = Outline.of(doc);
        WindowChunker windows = new WindowChunker(size, overlap);
        if (outline.sections().isEmpty()) {
            return windows.chunk(doc);
        }
        String text = doc.text();
        List<Chunk> chunks = new ArrayList<>();
        int headingsOnlyFrom = -1;
        for (Section s : outline.sections()) {
            if (!hasBody(text, s)) {
                headingsOnlyFrom = headingsOnlyFrom < 0 ? s.start() : headingsOnlyFrom;
                continue;
            }
            int start = headingsOnlyFrom < 0 ? s.start() : headingsOnlyFrom;
            headingsOnlyFrom = -1;
            List<int[]> spans = s.end() - start <= size
                    ? List.<int[]>of(new int[] {start, s.end()})
                    : windows.windows(text, start, s.end());
            for (int[] w : spans) {
                chunks.add(new Chunk(doc.kind(), w[0], text.substring(w[0], w[1]), s.path(), outline.line(w[0])));
            }
        }
        return chunks;
    }

    /** Whether a section has text beyond its heading (and the anchor lines above it). */
    private static boolean hasBody(String text, Section s) {
        if (s.untitled()) {
            return !text.substring(s.start(), s.end()).isBlank();
        }
        int headingLineEnd = text.indexOf('\n', text.indexOf(s.title(), s.start()));
        return headingLineEnd >= 0 && headingLineEnd < s.end() && !text.substring(headingLineEnd, s.end()).isBlank();
    }
}
