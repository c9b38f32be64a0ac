package dev.scrum.bench;

import dev.scrum.injection.InjectionCorpus;
import dev.scrum.injection.InjectionDetector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints the detector's precision and recall on the labelled corpus, its misses and false positives, and its
 * speed: {@code mvn -B test -Pbenchmark -Dtest=InjectionBenchmark}.
 */
@Tag("benchmark")
class InjectionBenchmark {

    @Test
    void precisionRecallAndSpeed() {
        InjectionCorpus.Score score = InjectionCorpus.score();
        System.out.printf(Locale.ROOT, "hostile lines %d, ordinary lines %d%n", score.hostile(), score.ordinary());
        System.out.printf(Locale.ROOT, "precision %.3f, recall %.3f%n", score.precision(), score.recall());
        score.misses().forEach(m -> System.out.println("missed (" + m.shape() + "): " + m.text()));
        score.falsePositives().forEach(f -> System.out.println("false positive (" + f.repo() + "): " + f.text()));
        List<String> lines = new ArrayList<>();
        InjectionCorpus.hostile().forEach(h -> lines.add(h.text()));
        InjectionCorpus.ordinary().forEach(o -> lines.add(o.text()));
        String text = String.join("\n", lines);
        for (int warm = 0; warm < 20; warm++) {
            InjectionDetector.scan(text);
        }
        int rounds = 200;
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            InjectionDetector.scan(text);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "speed: %.0f lines/s (%d lines x %d rounds in %.2f s)%n",
                lines.size() * rounds / seconds, lines.size(), rounds, seconds);
    }
}
