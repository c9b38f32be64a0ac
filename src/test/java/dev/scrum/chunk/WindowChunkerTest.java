package dev.scrum.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowChunkerTest {

    private static Document prd(String text) {
        return new Document(DocumentKind.PRD, Path.of("docs/PRD.md"), text);
    }

    /** Distinct, non-blank text of the given length: "0000 0001 0002 ..." (every 5 chars a new number). */
    private static String numbered(int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < length; i++) {
            sb.append(String.format("%04d ", i));
        }
        return sb.substring(0, length);
    }

    private static void assertExactOffsets(Document doc, List<Chunk> chunks) {
        for (Chunk c : chunks) {
            assertEquals(doc.kind(), c.kind());
            assertEquals(doc.text().substring(c.offset(), c.offset() + c.length()), c.text(),
                    "chunk at " + c.offset());
        }
    }

    @Test
    void windowsStepBySizeMinusOverlapAndKeepExactOffsets() {
        Document doc = prd(numbered(3000));
        List<Chunk> chunks = WindowChunker.defaults().chunk(doc);

        assertExactOffsets(doc, chunks);
        // 0, 680, 1360, 2040 (ends at 2840), 2720 (the tail, ends at 3000)
        assertEquals(List.of(0, 680, 1360, 2040, 2720), chunks.stream().map(Chunk::offset).toList());
        for (int i = 0; i < chunks.size() - 1; i++) {
            assertEquals(800, chunks.get(i).length());
            Chunk a = chunks.get(i);
            Chunk b = chunks.get(i + 1);
            assertEquals(120, a.offset() + a.length() - b.offset(), "overlap between " + a.label() + " and " + b.label());
            assertTrue(a.text().endsWith(b.text().substring(0, 120)));
        }
        Chunk last = chunks.get(chunks.size() - 1);
        assertEquals(3000, last.offset() + last.length(), "the last window ends at the end of the text");
        assertEquals(280, last.length());
    }

    @Test
    void everyCharacterIsCovered() {
        for (int length : new int[] {61, 799, 800, 801, 1481, 5555}) {
            Document doc = prd(numbered(length));
            List<Chunk> chunks = new WindowChunker(100, 30).chunk(doc);
            assertExactOffsets(doc, chunks);
            boolean[] covered = new boolean[length];
            chunks.forEach(c -> java.util.Arrays.fill(covered, c.offset(), c.offset() + c.length(), true));
            for (int i = 0; i < length; i++) {
                assertTrue(covered[i], "char " + i + " of " + length + " not in any chunk");
            }
        }
    }

    @Test
    void shortTextIsOneChunkAndTinyTextNone() {
        assertEquals(List.of(new Chunk(DocumentKind.PRD, 0, numbered(300), null, 1)),
                WindowChunker.defaults().chunk(prd(numbered(300))));
        assertEquals(List.of(), WindowChunker.defaults().chunk(prd("  tiny PRD  \n")));
        assertEquals(List.of(), WindowChunker.defaults().chunk(prd("")));
        // exactly 60 characters once trimmed: dropped; 61: kept
        assertEquals(List.of(), WindowChunker.defaults().chunk(prd("\n\n" + numbered(60) + "\n\n")));
        assertEquals(1, WindowChunker.defaults().chunk(prd("\n\n" + numbered(61) + "\n\n")).size());
    }

    @Test
    void shortBlankTrailingWindowIsDropped() {
        // size 100, step 90: windows at 0, 90, 180; the one at 180 holds 20 chars of padding only
        String text = numbered(190) + " ".repeat(10);
        Document doc = prd(text);
        List<Chunk> chunks = new WindowChunker(100, 10).chunk(doc);

        assertExactOffsets(doc, chunks);
        assertEquals(List.of(0, 90), chunks.stream().map(Chunk::offset).toList());
        assertEquals(190, chunks.get(1).offset() + chunks.get(1).length(), "all the text is covered");
    }

    @Test
    void shortTrailingWindowWithTextIsAnchoredAtTheEndInsteadOfLost() {
        // size 100, step 90: windows at 0, 90, then 180..230 (50 chars, 40 of them past the window at 90)
        String text = numbered(230);
        Document doc = prd(text);
        List<Chunk> chunks = new WindowChunker(100, 10).chunk(doc);

        assertExactOffsets(doc, chunks);
        assertEquals(List.of(0, 90, 130), chunks.stream().map(Chunk::offset).toList());
        Chunk last = chunks.get(2);
        assertEquals(100, last.length());
        assertTrue(last.text().endsWith(text.substring(190)), "tail kept");
    }

    @Test
    void blankWindowsInTheMiddleAreDropped() {
        String text = numbered(100) + " ".repeat(400) + numbered(100);
        Document doc = prd(text);
        List<Chunk> chunks = new WindowChunker(100, 0).chunk(doc);

        assertExactOffsets(doc, chunks);
        assertEquals(List.of(0, 500), chunks.stream().map(Chunk::offset).toList());
    }

    @Test
    void zeroOverlapTilesTheText() {
        Document doc = prd(numbered(1000));
        List<Chunk> chunks = new WindowChunker(250, 0).chunk(doc);
        assertEquals(List.of(0, 250, 500, 750), chunks.stream().map(Chunk::offset).toList());
        assertEquals(doc.text(), String.join("", chunks.stream().map(Chunk::text).toList()));
    }

    @Test
    void invalidSizesAreRejectedWithTheParameterName() {
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> new WindowChunker(0, 0));
        assertTrue(size.getMessage().contains("chunkSize"), size.getMessage());
        assertTrue(size.getMessage().contains("0"), size.getMessage());

        assertTrue(assertThrows(IllegalArgumentException.class, () -> new WindowChunker(-5, 0))
                .getMessage().contains("chunkSize"));

        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> new WindowChunker(800, -1));
        assertTrue(negative.getMessage().contains("chunkOverlap"), negative.getMessage());

        IllegalArgumentException tooLarge = assertThrows(IllegalArgumentException.class, () -> new WindowChunker(800, 800));
        assertTrue(tooLarge.getMessage().contains("chunkOverlap"), tooLarge.getMessage());
        assertTrue(tooLarge.getMessage().contains("800"), tooLarge.getMessage());
    }

    @Test
    void defaults() {
        assertEquals(new WindowChunker(800, 120), WindowChunker.defaults());
    }
}
