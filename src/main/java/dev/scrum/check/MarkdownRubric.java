package dev.scrum.check;

import dev.scrum.llm.AnswerFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The acceptance rubric for markdown answers: long enough and structured (bullets, numbered items or
 * headings), with a score when one is required, and grounded in what can be read of it (see
 * {@link Grounding}). The original pipeline accepted any 200 characters with a bullet; this one also needs
 * the structure to carry several items, and reads the score.
 */
final class MarkdownRubric implements AnswerCheck {

    /** Why an answer without a score is thin when {@code requireScore} is set. */
    public static final String NO_SCORE = "the answer gives no alignment score";

    private static final Pattern ITEM = Pattern.compile("(?m)^\\s{0,3}(?:[-*+]\\s+\\S|\\d{1,2}[.)]\\s+\\S|#{1,6}\\s+\\S)");
    private static final int MIN_ITEMS = 3;

    private final int minAnswerChars;
    private final boolean requireScore;
    private final Grounding grounding;

    /** @param minAnswerChars shorter answers are thin */
    public MarkdownRubric(int minAnswerChars) {
        this(minAnswerChars, false, null);
    }

    /**
     * @param minAnswerChars shorter answers are thin
     * @param requireScore whether an answer without an alignment score is thin
     * @param grounding the file's check, or {@code null} to check no claim about the file
     */
    public MarkdownRubric(int minAnswerChars, boolean requireScore, Grounding grounding) {
        if (minAnswerChars < 0) {
            throw new IllegalArgumentException("minAnswerChars must not be negative: " + minAnswerChars);
        }
        this.minAnswerChars = minAnswerChars;
        this.requireScore = requireScore;
        this.grounding = grounding;
    }

    @Override
    public Verdict check(String answer, AnswerFormat format) {
        String text = answer == null ? "" : answer.strip();
        Integer score = ScoreParser.parse(text);
        if (text.isEmpty()) {
            return Verdict.rejected(Rejection.THIN, "the answer was empty", null, text);
        }
        if (text.length() < minAnswerChars) {
            return Verdict.rejected(Rejection.THIN, "the answer had " + text.length()
                    + " characters, fewer than the " + minAnswerChars + " required", score, text);
        }
        long items = ITEM.matcher(text).results().count();
        if (items < MIN_ITEMS) {
            return Verdict.rejected(Rejection.THIN, "the answer was unstructured: " + items
                    + " bullet, numbered or heading lines, at least " + MIN_ITEMS
                    + " needed (one per concrete change or gap)", score, text);
        }
        if (requireScore && score == null) {
            return Verdict.rejected(Rejection.THIN, NO_SCORE, null, text);
        }
        List<String> problems = grounding == null ? List.of() : grounding.problems(text);
        if (!problems.isEmpty()) {
            return Verdict.rejected(Rejection.UNGROUNDED, Grounding.reason(problems), score, text);
        }
        return Verdict.accepted(score, text);
    }
}
