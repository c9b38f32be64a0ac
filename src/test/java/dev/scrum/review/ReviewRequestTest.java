package dev.scrum.review;

import static dev.scrum.testing.RecordFields.assertEveryFieldSet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.scrum.gate.GatePolicy;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.ApiKey;
import dev.scrum.provider.EmbeddingSettings;
import dev.scrum.provider.Provider;
import dev.scrum.report.Baseline;
import dev.scrum.retrieve.Ranker;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewRequestTest {

    @Test
    void theBuildersDefaultsAreSpecsAndToBuilderCopiesEveryField() {
        ReviewRequest defaults = ReviewRequest.builder().baseDir(Path.of("/p")).prd(Path.of("/p/docs/PRD.md"))
                .outputDirectory(Path.of("/p/target")).build();
        assertEquals(800, defaults.chunkSize());
        assertEquals(120, defaults.chunkOverlap());
        assertEquals(5, defaults.topK());
        assertEquals(200, defaults.minAnswerChars());
        assertEquals(4, defaults.threads());
        assertEquals(1_048_576L, defaults.maxFileBytes());
        assertEquals(Ranker.DEFAULT, defaults.ranker());
        assertEquals(Baseline.NONE, defaults.baseline());
        assertEquals(GatePolicy.DEFAULT, defaults.gate());

        ReviewRequest full = ReviewRequest.builder().baseDir(Path.of("/p")).files(List.of("A.java"))
                .prd(Path.of("/p/PRD.md")).proposal(Path.of("/p/PLAN.md"))
                .ladder(List.of(Rung.of(Provider.OLLAMA, "m", URI.create("http://localhost:11434"))))
                .embedding(new EmbeddingSettings(Provider.OPENAI, "text-embedding-3-small",
                        URI.create("https://api.openai.com/v1"), ApiKey.of("k", "test")))
                .chunkSize(600).chunkOverlap(60).topK(3).minAnswerChars(100)
                .threads(8).outputDirectory(Path.of("/p/out")).dryRun(true).maxFileBytes(99)
                .cacheDirectory(Path.of("/c")).cacheKey(new dev.scrum.cache.CacheKeySource("ab".repeat(32), Path.of("/k")))
                .reuseCached(true).unchangedFiles(List.of("B.java"))
                .shard(Shard.parse("1/2")).requireScore(true).baseline(new Baseline(Path.of("b.json"), Set.of("x")))
                .ranker(Ranker.HYBRID).stepSummary(Path.of("/ci/summary.md"))
                .gate(new GatePolicy(true, 6, Set.of("missing"), true))
                .change(new dev.scrum.git.Change("origin/main", java.util.Map.of("A.java",
                        dev.scrum.git.ChangedLines.added(3))))
                .buildDirectory(Path.of("/p/build")).build();
        assertEveryFieldSet(full);
        assertEquals(full, full.toBuilder().build());
    }
}
