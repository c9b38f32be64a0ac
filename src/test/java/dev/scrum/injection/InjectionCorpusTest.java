package dev.scrum.injection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The detector's quality gate on the labelled corpus (issue 18 item 5): precision at least 0.99 and recall at
 * least 0.95. {@code InjectionBenchmark} prints the figures, the misses and the false positives.
 */
class InjectionCorpusTest {

    @Test
    void theCorpusIsLargeAndVaried() {
        List<InjectionCorpus.Hostile> hostile = InjectionCorpus.hostile();
        List<InjectionCorpus.Ordinary> ordinary = InjectionCorpus.ordinary();
        assertTrue(hostile.size() >= 60, "hostile lines: " + hostile.size());
        assertTrue(ordinary.size() >= 200, "ordinary lines: " + ordinary.size());
        Set<String> shapes = hostile.stream().map(InjectionCorpus.Hostile::shape).collect(Collectors.toSet());
        assertTrue(shapes.size() >= 20, "shapes: " + shapes);
        assertEquals(Set.of(InjectionKind.values()), hostile.stream().map(InjectionCorpus.Hostile::kind)
                .collect(Collectors.toSet()), "every kind has hostile lines");
        Set<String> repos = ordinary.stream().map(InjectionCorpus.Ordinary::repo).collect(Collectors.toSet());
        assertTrue(repos.size() >= 8, "ordinary lines from: " + repos);
        for (InjectionCorpus.Ordinary o : ordinary) {
            assertTrue(o.repo().matches("[\\w.-]+/[\\w.-]+") && o.path().endsWith(".java"), "source of row " + o.row());
        }
    }

    @Test
    void precisionAndRecallMeetTheTargets() {
        InjectionCorpus.Score score = InjectionCorpus.score();
        assertTrue(score.precision() >= 0.99, () -> "precision " + score.precision() + "; false positives: "
                + score.falsePositives());
        assertTrue(score.recall() >= 0.95, () -> "recall " + score.recall() + "; misses: " + score.misses());
    }
}
