package dev.scrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.chunk.SectionChunker;
import dev.scrum.chunk.WindowChunker;
import dev.scrum.retrieve.Ranker;
import dev.scrum.retrieve.Retriever;
import dev.scrum.retrieve.ScoredChunk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12's bar: with the default configuration (sections of {@code chunkSize} 800 / {@code chunkOverlap} 120,
 * {@link Ranker#DEFAULT} retrieval, {@code topK} 5), at least 95% of the labelled ledgerly files find one of their
 * labelled PRD sections among their 5 PRD passages, whether the PRD is Markdown or AsciiDoc; and a file is never
 * given a passage of the PRD that spans two sections. The default needs no model, so this runs in the normal suite.
 * {@link RetrievalBenchmark} measures the alternatives.
 */
class RetrievalRecallTest {

    @ParameterizedTest
    @ValueSource(strings = {"PRD.md", "PRD.adoc"})
    void theDefaultRetrievalFindsTheLabelledSectionsOfNearlyEveryFile(String prd) {
        assertEquals(Ranker.LEXICAL, Ranker.DEFAULT, "the default needs no embedder: see RetrievalBenchmark otherwise");
        LabelledSet set = LabelledSet.ledgerly(prd);
        assertTrue(set.labels().size() >= 20, "at least 20 labelled files: " + set.labels().size());
        assertTrue(set.prd().text().length() >= 40_000, "a PRD of at least 40 KB");

        Retriever retriever = Retriever.build(Ranker.DEFAULT, null,
                new SectionChunker(WindowChunker.DEFAULT_SIZE, WindowChunker.DEFAULT_OVERLAP).chunk(set.prd()),
                set.proposal() == null ? null : new SectionChunker(800, 120).chunk(set.proposal()), 5);
        Map<String, List<ScoredChunk>> top5 = new LinkedHashMap<>();
        set.sources().forEach((file, text) -> top5.put(file, retriever.retrieve(file, text).prd()));

        LabelledSet.Score score = set.score(top5);
        assertTrue(score.recallAt5() >= 0.95, String.format("recall@5 %.2f; missed:%n%s", score.recallAt5(),
                String.join("\n", score.misses())));
        assertTrue(top5.values().stream().allMatch(passages -> passages.size() == 5));
        assertTrue(top5.values().stream().flatMap(List::stream).allMatch(p -> p.chunk().heading() != null
                && p.chunk().line() > 0 && p.lexical() != null), "every passage says where it is and who found it");
    }
}
