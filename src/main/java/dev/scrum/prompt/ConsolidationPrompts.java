package dev.scrum.prompt;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.Prompts;
import dev.scrum.ladder.Rung;
import dev.scrum.llm.AnswerFormat;
import dev.scrum.redact.SecretRedactor;
import dev.scrum.retrieve.ScoredChunk;
import java.util.List;
import java.util.Objects;

/**
 * The prompt that merges the reviews of a file's parts into one review of the whole file, with one score. It
 * carries each part's accepted review and every passage the parts were given, labelled as they were. For a
 * rung that masks secrets the whole message is masked: the parts' reviews may quote the file.
 */
public final class ConsolidationPrompts implements Prompts {

    /**
     * One part's accepted review.
     *
     * @param firstLine the part's first line
     * @param lastLine the part's last line
     * @param review the accepted review, as markdown
     */
    public record PartReview(int firstLine, int lastLine, String review) {}

    private final String path;
    private final int totalLines;
    private final List<PartReview> parts;
    private final List<ScoredChunk> prd;
    private final List<ScoredChunk> proposal;

    public ConsolidationPrompts(String path, int totalLines, List<PartReview> parts, List<ScoredChunk> prd,
            List<ScoredChunk> proposal) {
        this.path = Objects.requireNonNull(path, "path");
        this.totalLines = totalLines;
        this.parts = List.copyOf(parts);
        this.prd = List.copyOf(prd);
        this.proposal = List.copyOf(proposal);
    }

    @Override
    public String system(AnswerFormat format) {
        return ReviewPrompts.SYSTEM;
    }

    @Override
    public String user(Rung rung, List<Attempt> earlier) {
        String user = user(rung.format(), earlier);
        return rung.redactSecrets() ? SecretRedactor.standard().redact(user).text() : user;
    }

    @Override
    public String user(AnswerFormat format, List<Attempt> earlier) {
        StringBuilder p = new StringBuilder(8192);
        p.append("# The file under review: ").append(path).append(" (").append(totalLines).append(" lines)\n\n");
        p.append("The file was too long for one review, so it was reviewed in ").append(parts.size())
                .append(" parts. Merge their reviews into ONE review of the whole file: one alignment score for ")
                .append("the whole file, the most important changes (keep their symbols and line numbers, which ")
                .append("are the file's), and the gaps. Drop duplicates; do not invent what the parts did not say.\n\n");
        int i = 1;
        for (PartReview r : parts) {
            String review = r.review().strip();
            String fence = ReviewPrompts.fence(review);
            p.append("## Review of part ").append(i++).append(": lines ").append(r.firstLine()).append("–")
                    .append(r.lastLine()).append("\n\n").append(fence).append("markdown\n").append(review)
                    .append('\n').append(fence).append("\n\n");
        }
        ReviewPrompts.passages(p, "The PRD's passages the parts were given", prd);
        if (!proposal.isEmpty()) {
            ReviewPrompts.passages(p, "The change proposal's passages the parts were given", proposal);
        }
        ReviewPrompts.earlierFailures(p, earlier);
        p.append(format == AnswerFormat.JSON ? ReviewPrompts.JSON_ASK : ReviewPrompts.MARKDOWN_ASK);
        return p.toString();
    }
}
