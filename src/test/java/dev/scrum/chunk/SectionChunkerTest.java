package dev.scrum.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionChunkerTest {

    private static Document doc(String name, String text) {
        return new Document(DocumentKind.PRD, Path.of("docs", name), text);
    }

    private static String words(String word, int chars) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; b.length() < chars; i++) {
            b.append(word).append(i).append(i % 12 == 11 ? "\n" : " ");
        }
        return b.toString();
    }

    @Test
    void aPassageNeverSpansTwoSectionsAndLongSectionsAreWindowed() {
        String text = "# Shop\n\nIntro of the shop.\n\n## Articles\n\n### Get Article\n\n" + words("get", 300)
                + "\n\n### Update Article\n\n" + words("update", 2000) + "\n\n## Comments\n\nShort.\n";
        Document d = doc("PRD.md", text);
        List<Chunk> chunks = new SectionChunker(800, 120).chunk(d);
        for (Chunk c : chunks) {
            assertEquals(text.substring(c.offset(), c.offset() + c.length()), c.text());
            assertTrue(c.length() <= 800);
            assertEquals(text.substring(0, c.offset()).split("\n", -1).length, c.line(), c.label());
            assertEquals(Outline.of(d).headingAt(c.offset() + c.length() - 1), c.heading(), c.label());
        }
        assertEquals(List.of("Shop", "Articles > Get Article", "Articles > Update Article", "Comments"),
                chunks.stream().map(Chunk::heading).distinct().toList(), "the heading-only Articles gives no passage");
        Chunk get = chunks.get(1);
        assertTrue(get.text().startsWith("## Articles\n\n### Get Article"), "the heading-only parent opens its child");
        assertTrue(!get.text().contains("### Update Article"), "and no passage spans two sections with text");
        Chunk update = chunks.get(2);
        assertTrue(update.text().startsWith("### Update Article"));
        assertEquals(680, chunks.get(3).offset() - update.offset());
        assertTrue(chunks.get(3).searchText().startsWith("Articles > Update Article\n"));
        assertEquals(text.indexOf("## Comments"), chunks.get(4).offset() + chunks.get(4).length());
        assertEquals("[PRD @" + update.offset() + "]", update.label());
    }

    @Test
    void aTitleWithoutTextOpensTheFirstPassageSoTheDocumentStillStartsAtZero() {
        String text = "# Orders PRD\n\n## Placing orders\n\nA customer places an order.\n\n## Refunds\n\nRefunds go back.\n";
        List<Chunk> chunks = new SectionChunker(800, 120).chunk(doc("PRD.md", text));
        assertEquals(List.of(0, text.indexOf("## Refunds")), chunks.stream().map(Chunk::offset).toList());
        assertEquals("Placing orders", chunks.get(0).heading());
        assertEquals(1, chunks.get(0).line());
    }

    @Test
    void plainTextKeepsCharacterWindows() {
        String text = words("plain", 2000);
        Document d = doc("PRD.txt", text);
        List<Chunk> windows = WindowChunker.defaults().chunk(d);
        assertEquals(windows, new SectionChunker(800, 120).chunk(d));
        assertEquals(List.of(0, 680, 1360), windows.stream().map(Chunk::offset).toList());
        assertEquals(1, windows.get(0).line());
        assertEquals(null, windows.get(0).heading());
    }

    @Test
    void windowsOfASectionedDocumentCarryTheHeadingTheyStartIn() {
        String text = "## Alpha\n\n" + words("alpha", 700) + "\n## Beta\n\n" + words("beta", 1400);
        List<Chunk> windows = WindowChunker.defaults().chunk(doc("PRD.md", text));
        assertEquals("Alpha", windows.get(0).heading());
        assertEquals("Beta", windows.get(windows.size() - 1).heading());
    }
}
