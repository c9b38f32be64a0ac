package dev.scrum.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** CR LF, LF and a lone CR all end a line, the same way everywhere (issue 22). */
class LineIndexTest {

    @Test
    void everyKindOfLineEndEndsALine() {
        for (String text : List.of("a\nb\nc\n", "a\r\nb\r\nc\r\n", "a\rb\rc\r", "a\rb\r\nc\n", "a\nb\rc")) {
            LineIndex index = new LineIndex(text);
            assertEquals(3, index.lineCount(), text);
            assertEquals(List.of("a", "b", "c"), LineIndex.lines(text), text);
            assertEquals(text, String.join("", LineIndex.withEnds(text)), text);
            assertEquals(1, index.lineOf(0));
            assertEquals(2, index.lineOf(text.indexOf('b')), text);
            assertEquals(3, index.lineOf(text.indexOf('c')), text);
        }
    }

    @Test
    void aFinalLineEndBeginsNoLineButABlankLineCounts() {
        assertEquals(List.of("a", ""), LineIndex.lines("a\r\r"));
        assertEquals(2, new LineIndex("a\r\r").lineCount());
        assertEquals(List.of("a", "b"), LineIndex.lines("a\r\nb"));
        assertEquals(List.of(""), LineIndex.lines(""));
        assertEquals(1, new LineIndex("").lineCount());
        assertEquals(List.of("a\r\n", "\r", "b"), LineIndex.withEnds("a\r\n\rb"));
    }

    @Test
    void loneCarriageReturnsBecomeLineFeedsOneForOne() {
        assertEquals("a\nb\r\nc\n", LineIndex.lfForLoneCr("a\rb\r\nc\r"));
        String plain = "no returns\n";
        assertEquals(plain, LineIndex.lfForLoneCr(plain));
    }

    @Test
    void aLoneCrFileHasItsDeclarationsOnTheirLines() {
        SymbolTable table = SymbolTable.of("src/A.java",
                LineIndex.lfForLoneCr("class A {\r  // a comment\r  int total() {\r    return 1;\r  }\r}\r"));
        assertEquals(6, table.lineCount());
        assertEquals(java.util.Optional.of(3), table.line("total"), "the comment ends at its line's lone CR");
    }
}
