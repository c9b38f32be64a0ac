package dev.scrum.report;

import static dev.scrum.report.FindingFixtures.gap;
import static dev.scrum.report.FindingFixtures.suggestion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.check.Citation;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    private static final String FILE = "src/main/java/shop/Orders.java";

    @Test
    void survivesALineShiftAndNewCitations() {
        Finding at12 = suggestion("Refund", "Record the refund amount.", "refund", 12);
        Finding at40 = suggestion("Refund", "Record the refund amount.", "refund", 40,
                new Citation("PRD", 0, true, null, null));
        assertEquals(Fingerprint.of(FILE, at12), Fingerprint.of(FILE, at40));
        assertTrue(Fingerprint.of(FILE, at12).matches("[0-9a-f]{32}"), Fingerprint.of(FILE, at12));
    }

    @Test
    void survivesCaseSpacingPunctuationAndHowTheSymbolIsWritten() {
        Finding a = gap("missing", "Orders cannot be cancelled.", "cancel", null);
        Finding b = gap("missing", "  orders CANNOT be\n cancelled ", "Orders#cancel()", null);
        Finding c = gap("missing", "Orders cannot be **cancelled**!", "`Orders.cancel`", 7);
        assertEquals(Fingerprint.of(FILE, a), Fingerprint.of(FILE, b));
        assertEquals(Fingerprint.of(FILE, a), Fingerprint.of(FILE, c));
    }

    @Test
    void changesWithTheTextTheKindTheSymbolOrTheFile() {
        Finding base = gap("missing", "Orders cannot be cancelled.", "cancel", null);
        String fp = Fingerprint.of(FILE, base);
        assertNotEquals(fp, Fingerprint.of(FILE, gap("missing", "Orders cannot be refunded.", "cancel", null)));
        assertNotEquals(fp, Fingerprint.of(FILE, gap("partial", "Orders cannot be cancelled.", "cancel", null)));
        assertNotEquals(fp, Fingerprint.of(FILE, gap("missing", "Orders cannot be cancelled.", "abort", null)));
        assertNotEquals(fp, Fingerprint.of(FILE, suggestion(null, "Orders cannot be cancelled.", "cancel", null)));
        assertNotEquals(fp, Fingerprint.of("src/main/java/shop/Other.java", base));
        assertNotEquals(fp, Fingerprint.unresolved(FILE));
    }

    @Test
    void theTitleAndTheBaselineMarkAreNotPartOfIt() {
        Finding a = suggestion("Refund", "Record the refund amount.", "refund", 12);
        Finding b = suggestion("Refunds, reworded", "Record the refund amount.", "refund", 12)
                .withBaseline(BaselineState.KNOWN);
        assertEquals(Fingerprint.of(FILE, a), Fingerprint.of(FILE, b));
    }
}
