package dev.scrum.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentOutlineTest {

    private static final String MARKDOWN = """
            Intro before any heading.
            # Orders
            Orders are placed.
            ## Refunds ##
            Refunds go to the original payment method.
            ```sh
            # not a heading: a shell comment
            ```
            Within five business days.
            """;

    @Test
    void placesAnOffsetAtItsLineUnderTheNearestHeadingBeforeIt() {
        DocumentOutline o = new DocumentOutline(MARKDOWN);
        assertEquals(1, o.line(0));
        assertNull(o.heading(0));
        int orders = MARKDOWN.indexOf("# Orders");
        assertEquals(2, o.line(orders));
        assertEquals("Orders", o.heading(orders));
        int refunds = MARKDOWN.indexOf("Refunds go");
        assertEquals(5, o.line(refunds));
        assertEquals("Refunds", o.heading(refunds));
        int days = MARKDOWN.indexOf("Within");
        assertEquals(9, o.line(days));
        assertEquals("Refunds", o.heading(days), "a fenced # line is no heading");
    }

    @Test
    void readsAsciiDocHeadings() {
        String adoc = "= Product\n\n== Shipping\nCarriers are recorded.\n=== Tracking\nNumbers too.\n";
        DocumentOutline o = new DocumentOutline(adoc);
        assertEquals("Shipping", o.heading(adoc.indexOf("Carriers")));
        assertEquals("Tracking", o.heading(adoc.indexOf("Numbers")));
        assertEquals(6, o.line(adoc.indexOf("Numbers")));
    }

    @Test
    void theCitationCheckerPlacesValidCitationsInTheirDocument() {
        Document prd = new Document(DocumentKind.PRD, Path.of("docs/PRD.md"), MARKDOWN);
        int refunds = MARKDOWN.indexOf("Refunds go");
        CitationChecker checker = new CitationChecker(
                List.of(new Chunk(DocumentKind.PRD, refunds, "Refunds go", null, 0), new Chunk(DocumentKind.PROPOSAL, 0, "x", null, 0)),
                List.of(prd));
        assertEquals(List.of(new Citation("PRD", refunds, true, 5, "Refunds"), new Citation("PRD", 3, false, null, null),
                new Citation("PLAN", 0, true, null, null)), checker.check("[PRD @" + refunds + "], PRD@3 and PLAN@0"));
    }

    @Test
    void cutsTheDocumentIntoSectionsWithTheirLevelsAndBodies() {
        List<DocumentOutline.Section> sections = new DocumentOutline(MARKDOWN).sections();
        assertEquals(3, sections.size(), "the preamble, Orders and Refunds; the fenced # line is none");
        DocumentOutline.Section preamble = sections.get(0);
        assertEquals(new DocumentOutline.Section(0, null, 0, 0, MARKDOWN.indexOf("# Orders"), 1, true), preamble);
        DocumentOutline.Section orders = sections.get(1);
        assertEquals(1, orders.level());
        assertEquals("Orders", orders.heading());
        assertEquals(MARKDOWN.indexOf("Orders are"), orders.bodyOffset());
        assertEquals(MARKDOWN.indexOf("## Refunds"), orders.end());
        DocumentOutline.Section refunds = sections.get(2);
        assertEquals(2, refunds.level());
        assertEquals(4, refunds.line());
        assertEquals(MARKDOWN.length(), refunds.end());

        List<DocumentOutline.Section> adoc = new DocumentOutline("= Product\n\n== Shipping\nCarriers.\n").sections();
        assertEquals(2, adoc.size(), "no preamble section when nothing precedes the first heading");
        assertEquals(false, adoc.get(0).hasBody(), "a title followed only by a sub-heading has no body of its own");
        assertEquals(2, adoc.get(1).level());
        assertEquals(1, new DocumentOutline("just text\n").sections().size(), "a document without headings is one section");
    }
}
