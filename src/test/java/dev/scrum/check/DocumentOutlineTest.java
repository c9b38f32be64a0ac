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
                List.of(new Chunk(DocumentKind.PRD, refunds, "Refunds go"), new Chunk(DocumentKind.PROPOSAL, 0, "x")),
                List.of(prd));
        assertEquals(List.of(new Citation("PRD", refunds, true, 5, "Refunds"), new Citation("PRD", 3, false),
                new Citation("PLAN", 0, true)), checker.check("[PRD @" + refunds + "], PRD@3 and PLAN@0"));
    }
}
