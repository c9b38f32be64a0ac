package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportLayoutTest {

    @Test
    void pathsTheReadableFormWouldMergeGetTheirOwnReviewFile() {
        String ab = ReportLayout.reviewFileName("src/main/java/a_b/C.java");
        String a = ReportLayout.reviewFileName("src/main/java/a/b_C.java");
        assertNotEquals(ab, a);
        assertTrue(ab.startsWith("review_src_main_java_a_b_C.java-") && ab.endsWith(".json"), ab);
        assertTrue(a.startsWith("review_src_main_java_a_b_C.java-") && a.endsWith(".json"), a);
    }

    @Test
    void theNameIsStableAcrossRunsAndVersions() {
        // fixed here: shards, the reactor's aggregate and scrum:check read what another run wrote
        assertEquals("review_src_main_java_a_B.java-f70e56c0.json", ReportLayout.reviewFileName("src/main/java/a/B.java"));
        assertEquals(ReportLayout.reviewFileName("x/Y.java"), ReportLayout.reviewFileName("x/Y.java"));
    }

    @Test
    void aDeepPathStillMakesAFileNameTheFileSystemTakes() {
        String deep = "src/main/java/" + "ä".repeat(150) + "/" + "déjà".repeat(40) + "/Z.java";
        String name = ReportLayout.reviewFileName(deep);
        assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= 255, name);
        assertTrue(name.startsWith("review_") && name.endsWith("_Z.java-" + Fingerprint.hash(deep).substring(0, 8)
                + ".json"), name);
        assertNotEquals(name, ReportLayout.reviewFileName(deep.replace("src/main", "src/test")));
    }
}
