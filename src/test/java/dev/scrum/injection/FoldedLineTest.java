package dev.scrum.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FoldedLineTest {

    @Test
    void plainAsciiIsOnlyLowerCased() {
        FoldedLine line = FoldedLine.of("Hello\tWorld");
        assertEquals("Hello World", line.folded());
        assertEquals("hello world", line.lower());
        assertEquals(6, line.originalIndex(6));
    }

    @Test
    void foldsLetterFormsAndDropsInvisibleCharactersKeepingTheOriginalColumns() {
        String original = "Ａ\u200Bс\u0301ｔ ﬁne 𝐨k";
        FoldedLine line = FoldedLine.of(original);
        assertEquals("act fine ok", line.lower());
        assertEquals(0, line.originalIndex(0));
        assertEquals(original.indexOf('с'), line.originalIndex(1), "the Cyrillic es after the zero-width space");
        assertEquals(original.indexOf('ﬁ'), line.originalIndex(4), "both letters of the ligature");
        assertEquals(original.indexOf('ﬁ'), line.originalIndex(5));
        assertEquals(original.indexOf("𝐨"), line.originalIndex(9), "a supplementary letter");
    }

    @Test
    void aStringLiteralsLineBreakEscapesBecomeLineFeeds() {
        assertEquals("\"a\\\nb\\ c\\\\nd\"", FoldedLine.of("\"a\\nb\\tc\\\\nd\"").folded());
    }
}
