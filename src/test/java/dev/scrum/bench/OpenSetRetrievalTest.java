package dev.scrum.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The default retrieval on the open sets taken from real projects' own documentation (issue 20), with and
 * without the files' comments: recall@5 and MRR@10 of the labelled sections among the PRD passages, with the
 * default configuration ({@code topK} 10, sections of 800/120). The floors are the figures measured when the
 * default was chosen (README, "Retrieval"): a change that lowers one fails here. Issue 20's aim (recall@5 0.98,
 * MRR@10 0.95 on every set) is not reached on javapoet, micrometer and userwords by any ranker measured.
 */
class OpenSetRetrievalTest {

    @ParameterizedTest(name = "{0}{1}")
    @CsvSource({
        "javapoet, '', 0.93, 0.80",
        "javapoet, ', code only', 0.93, 0.81",
        "micrometer, '', 0.92, 0.81",
        "micrometer, ', code only', 0.88, 0.80",
        "enforcer, '', 1.00, 0.98",
        "enforcer, ', code only', 1.00, 0.97",
        "userwords, '', 0.97, 0.82",
        "userwords, ', code only', 0.97, 0.82",
    })
    void theDefaultKeepsItsMeasuredRecallAndRank(String name, String variant, double recall, double mrr) {
        LabelledSet open = LabelledSet.open(name);
        assertNotNull(open, "the open set " + name + " is under src/test/resources/retrieval");
        LabelledSet set = variant.isEmpty() ? open : open.withoutComments();
        assertEquals(Ranker.LEXICAL, Ranker.DEFAULT);
        assertTrue(set.labels().size() >= 15, "at least 15 labelled files: " + set.labels().size());
        Retriever retriever = Retriever.build(Ranker.DEFAULT, null,
                new SectionChunker(WindowChunker.DEFAULT_SIZE, WindowChunker.DEFAULT_OVERLAP).chunk(set.prd()), null, 10);
        Map<String, List<ScoredChunk>> rankings = new LinkedHashMap<>();
        set.sources().forEach((file, text) -> rankings.put(file, retriever.retrieve(file, text).prd()));
        LabelledSet.Score score = set.score(rankings);
        assertTrue(score.recallAt5() >= recall - 1e-9 && score.mrr() >= mrr - 1e-9, String.format(
                "%s%s: recall@5 %.3f (floor %.2f), MRR@10 %.3f (floor %.2f); missed:%n%s", name, variant,
                score.recallAt5(), recall, score.mrr(), mrr, String.join("\n", score.misses())));
    }
}
