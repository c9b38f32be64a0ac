package dev.scrum.review;

import dev.scrum.check.AnswerCheck;
import dev.scrum.chunk.SourceSplitter;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.Ladder;
import dev.scrum.ladder.LadderOutcome;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.llm.TokenCounter;
import dev.scrum.prompt.ConsolidationPrompts;
import dev.scrum.prompt.ReviewPrompts;
import dev.scrum.report.FilePart;
import dev.scrum.retrieve.Retrieval;
import dev.scrum.retrieve.Retriever;
import dev.scrum.retrieve.ScoredChunk;
import dev.scrum.symbols.LineIndex;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The review of a file too large for the smallest context window of the ladder: cut at member boundaries into
 * parts whose prompts fit, each part with its own passages and its own climb of the ladder, then one
 * consolidation of the parts' reviews (halves first when that prompt is itself too large).
 */
final class PartedReview {

    private final ReviewRequest request;
    private final Retriever retriever;
    private final Ladder ladder;
    private final PromptBudget budget;
    private final Progress progress;

    PartedReview(ReviewRequest request, Retriever retriever, Ladder ladder, PromptBudget budget, Progress progress) {
        this.request = request;
        this.retriever = retriever;
        this.ladder = ladder;
        this.budget = budget;
        this.progress = progress;
    }

    /** Parts small enough that each part's prompt, with its passages and the asks, fits the budget. */
    static List<SourceSplitter.Part> split(String path, String text, Retrieval retrieval, AnswerFormat format,
            PromptBudget budget) {
        ReviewPrompts empty = new ReviewPrompts(path, "", retrieval.prd(), retrieval.proposal());
        int overhead = TokenCounter.count(empty.system(format)) + TokenCounter.count(empty.user(format, List.of()))
                + PromptBudget.LEARNING_RESERVE_TOKENS;
        int lines = Math.max(1, new LineIndex(text).lineCount());
        // a part's own passages may be longer than the whole file's: keep a quarter of the room for the difference
        double room = (budget.tokens() - overhead) * 0.75;
        // each numbered line costs its text plus about 3 tokens of line number
        double charsPerToken = (double) text.length() / (TokenCounter.count(text) + 3.0 * lines);
        int maxChars = (int) Math.max(200, room * charsPerToken);
        return new SourceSplitter(maxChars).split(text);
    }

    /** Reviews the file in {@code parts}, then consolidates the parts' reviews into one. */
    LadderReview review(String path, String tag, String text, List<SourceSplitter.Part> parts, AnswerCheck rubric) {
        int total = new LineIndex(text).lineCount();
        progress.info(tag + ": too large for the smallest context window of the ladder (" + budget.tokens()
                + " prompt tokens): reviewing it in " + parts.size() + " parts");
        Map<String, ScoredChunk> prd = new LinkedHashMap<>();
        Map<String, ScoredChunk> proposal = new LinkedHashMap<>();
        List<ConsolidationPrompts.PartReview> partReviews = new ArrayList<>();
        List<FilePart> recorded = new ArrayList<>();
        int queryPassages = 0;
        int masked = 0;
        for (int i = 0; i < parts.size(); i++) {
            SourceSplitter.Part part = parts.get(i);
            String partTag = tag + " part " + (i + 1) + "/" + parts.size();
            Retrieval r = retriever.retrieve(path, part.text());
            queryPassages += r.queryPassages();
            r.prd().forEach(c -> prd.merge(c.chunk().label(), c, PartedReview::better));
            r.proposal().forEach(c -> proposal.merge(c.chunk().label(), c, PartedReview::better));
            ReviewPrompts prompts = new ReviewPrompts(path, part.text(), r.prd(), r.proposal(),
                    new ReviewPrompts.FilePart(i + 1, parts.size(), part.firstLine(), total))
                    .markingChange(request.change().base(), request.change().of(path));
            LadderOutcome outcome = ladder.climb(prompts, rubric, new AttemptLog(progress, partTag));
            masked += prompts.secretsMasked();
            Attempt accepted = outcome.accepted();
            recorded.add(new FilePart(i + 1, part.firstLine(), part.lastLine(), part.text().length(),
                    accepted == null ? null : accepted.n(), accepted == null ? "" : accepted.rungId(),
                    outcome.callsMade()));
            if (accepted == null) {
                progress.warn(partTag + ": no rung's answer was accepted; the file stays unresolved");
                return new LadderReview(new LadderOutcome(outcome.attempts(), null, null, "", null), best(prd),
                        best(proposal), queryPassages, recorded, masked);
            }
            partReviews.add(new ConsolidationPrompts.PartReview(part.firstLine(), part.lastLine(), outcome.markdown()));
        }
        List<ScoredChunk> prdSent = best(prd);
        List<ScoredChunk> proposalSent = best(proposal);
        LadderOutcome merged = consolidate(path, tag, total, partReviews, prdSent, proposalSent, rubric);
        return new LadderReview(merged, prdSent, proposalSent, queryPassages, recorded, masked);
    }

    /**
     * Merges the parts' reviews into one. When their prompt is itself too large, halves are merged first and
     * the two halves' reviews merged last.
     */
    private LadderOutcome consolidate(String path, String tag, int total, List<ConsolidationPrompts.PartReview> reviews,
            List<ScoredChunk> prd, List<ScoredChunk> proposal, AnswerCheck rubric) {
        ConsolidationPrompts prompts = new ConsolidationPrompts(path, total, reviews, prd, proposal);
        AnswerFormat format = request.ladder().get(0).format();
        if (reviews.size() <= 2 || budget.fits(prompts.system(format), prompts.user(format, List.of()))) {
            return ladder.climb(prompts, rubric, new AttemptLog(progress, tag + " consolidation"));
        }
        int half = reviews.size() / 2;
        List<ConsolidationPrompts.PartReview> merged = new ArrayList<>();
        for (List<ConsolidationPrompts.PartReview> group : List.of(reviews.subList(0, half),
                reviews.subList(half, reviews.size()))) {
            LadderOutcome outcome = consolidate(path, tag, total, group, prd, proposal, rubric);
            if (!outcome.resolved()) {
                return outcome;
            }
            merged.add(new ConsolidationPrompts.PartReview(group.get(0).firstLine(),
                    group.get(group.size() - 1).lastLine(), outcome.markdown()));
        }
        return consolidate(path, tag, total, merged, prd, proposal, rubric);
    }

    private static ScoredChunk better(ScoredChunk a, ScoredChunk b) {
        return a.score() >= b.score() ? a : b;
    }

    /** The best passages the parts were given, at most three times topK of a document. */
    private List<ScoredChunk> best(Map<String, ScoredChunk> passages) {
        return passages.values().stream()
                .sorted(Comparator.comparingDouble(ScoredChunk::score).reversed())
                .limit(3L * request.topK())
                .toList();
    }
}
