package dev.scrum.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SectionsTest {

    private static final String MARKDOWN = """
            ---
            title: front matter
            # not a heading
            ---
            Intro before any heading.

            # Guide

            The guide.

            ## Writing Tests ##

            How to write one.

            ```java
            # not a heading: code
            ```

            ### Timeouts {#timeouts}

            Tests time out.

            Setext title
            ------------

            Under a setext heading.

            ## Running Tests
            Run them.
            """;

    private static final String ASCIIDOC = """
            = Guide
            :toc:

            The guide.

            [[writing-tests]]
            == Writing Tests

            How to write one.

            [source,java]
            ----
            == not a title: code
            ----

            ====
            == not a title: an example block
            ====

            [#timeouts]
            === Timeouts ===

            Tests time out.

            ////
            == not a title: a comment
            ////

            == Running Tests
            Run them.
            """;

    @Test
    void markdownHeadingsGiveSectionsWithPathsLinesAndNoDocumentTitleInPaths() {
        List<Section> s = DocumentFormat.MARKDOWN.sections(MARKDOWN);
        assertEquals(List.of("Guide", "Writing Tests", "Writing Tests > Timeouts", "Setext title",
                "Running Tests"), s.stream().skip(1).map(Section::path).toList());
        assertNull(s.get(0).title(), "the front matter and intro come first, untitled");
        assertEquals(0, s.get(0).start());
        Section timeouts = s.get(3);
        assertEquals("Timeouts", timeouts.title());
        assertEquals(MARKDOWN.indexOf("### Timeouts"), timeouts.start());
        assertEquals(MARKDOWN.indexOf("Setext title"), timeouts.end());
        assertEquals(MARKDOWN.substring(0, timeouts.start()).lines().count() + 1, timeouts.line());
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.get(i - 1).end(), s.get(i).start(), "sections tile the text");
        }
        assertEquals(MARKDOWN.length(), s.get(s.size() - 1).end());
    }

    @Test
    void asciiDocTitlesStartAtTheirAnchorsAndIgnoreDelimitedBlocks() {
        List<Section> s = DocumentFormat.ASCIIDOC.sections(ASCIIDOC);
        assertEquals(List.of("Guide", "Writing Tests", "Writing Tests > Timeouts", "Running Tests"),
                s.stream().map(Section::path).toList());
        assertEquals(ASCIIDOC.indexOf("[[writing-tests]]"), s.get(1).start());
        assertEquals(ASCIIDOC.indexOf("[#timeouts]"), s.get(2).start());
        assertEquals(ASCIIDOC.substring(0, ASCIIDOC.indexOf("=== Timeouts")).lines().count() + 1, s.get(2).line());
        assertEquals(0, s.get(0).level());
        assertEquals(2, s.get(2).level());
    }

    @Test
    void theFormatComesFromTheNameElseFromTheText() {
        assertEquals(DocumentFormat.MARKDOWN, DocumentFormat.of(Path.of("PRD.md"), "plain"));
        assertEquals(DocumentFormat.ASCIIDOC, DocumentFormat.of(Path.of("guide.adoc"), "plain"));
        assertEquals(DocumentFormat.ASCIIDOC, DocumentFormat.of(Path.of("PRD.txt"), ASCIIDOC));
        assertEquals(DocumentFormat.MARKDOWN, DocumentFormat.of(Path.of("PRD"), "# A\n\ntext\n\n## B\n\ntext\n"));
        assertEquals(DocumentFormat.TEXT, DocumentFormat.of(Path.of("PRD.txt"), "Just prose.\nMore prose.\n"));
    }

    @Test
    void anOutlineFindsTheSectionAndLineOfAnOffset() {
        Outline o = Outline.of(DocumentFormat.ASCIIDOC, ASCIIDOC);
        int timeouts = ASCIIDOC.indexOf("Tests time out");
        assertEquals("Writing Tests > Timeouts", o.headingAt(timeouts));
        assertEquals(ASCIIDOC.substring(0, timeouts).lines().count() + 1, o.line(timeouts));
        assertEquals("Guide", o.headingAt(0));
        assertNull(Outline.of(DocumentFormat.TEXT, "prose").headingAt(0));
    }
}
