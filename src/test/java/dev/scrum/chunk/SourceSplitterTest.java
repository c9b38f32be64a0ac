package dev.scrum.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceSplitterTest {

    static String bigClass(int methods) {
        StringBuilder b = new StringBuilder("package a;\n\npublic class Big {\n\n");
        for (int m = 0; m < methods; m++) {
            b.append("    /** Method ").append(m).append(". */\n    public int method").append(m).append("(int x) {\n");
            for (int l = 0; l < 6; l++) {
                b.append("        x = x * 31 + ").append(l).append(";\n");
            }
            b.append("        return x;\n    }\n\n");
        }
        return b.append("}\n").toString();
    }

    @Test
    void everyLineLandsInExactlyOnePartInOrder() {
        String text = bigClass(200);
        List<SourceSplitter.Part> parts = new SourceSplitter(5000).split(text);
        assertTrue(parts.size() > 5, "parts: " + parts.size());
        assertEquals(text, String.join("", parts.stream().map(SourceSplitter.Part::text).toList()));
        int expectedFirst = 1;
        for (SourceSplitter.Part p : parts) {
            assertEquals(expectedFirst, p.firstLine());
            assertTrue(p.text().length() <= 5000);
            assertEquals(p.lastLine() - p.firstLine() + 1, p.text().split("\n", -1).length - 1);
            expectedFirst = p.lastLine() + 1;
        }
        assertEquals(text.split("\n").length, parts.get(parts.size() - 1).lastLine());
    }

    @Test
    void cutsAfterTheEndOfAMethodNotInsideOne() {
        for (SourceSplitter.Part p : new SourceSplitter(3000).split(bigClass(100))) {
            String[] lines = p.text().split("\n");
            String last = p == null ? "" : lines[lines.length - 1];
            assertTrue(p.text().endsWith("    }\n\n") || p.text().endsWith("}\n"), "part ends mid-method: ..." + last);
        }
    }

    @Test
    void aSmallFileIsOnePart() {
        List<SourceSplitter.Part> parts = new SourceSplitter(5000).split("class A {}\n");
        assertEquals(List.of(new SourceSplitter.Part(1, 1, "class A {}\n")), parts);
    }

    @Test
    void aLineLongerThanAPartIsCutInsideKeepingItsLineNumber() {
        String text = "a\n" + "x".repeat(450) + "\nb\n";
        List<SourceSplitter.Part> parts = new SourceSplitter(200).split(text);
        assertEquals(text, String.join("", parts.stream().map(SourceSplitter.Part::text).toList()));
        assertTrue(parts.stream().filter(p -> p.firstLine() == 2).count() >= 3);
    }

    @Test
    void tinyPartsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SourceSplitter(10));
    }
}
