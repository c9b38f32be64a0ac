package dev.scrum.check;

import dev.scrum.llm.AnswerFormat;
import dev.scrum.symbols.SymbolTable;
import java.util.List;

/**
 * The acceptance rubric, for both answer formats. A markdown answer goes to {@link MarkdownRubric}; a JSON
 * answer must be the schema's object ({@code malformed} otherwise, with every violation named),
 * substantial: at least three suggestions with real text, and at least {@code minAnswerChars} once
 * rendered as markdown ({@code thin} otherwise), and grounded in the file under review when one is given
 * ({@code ungrounded} otherwise, every problem named; see {@link Grounding}).
 */
public final class Rubric implements AnswerCheck {

    static final int MIN_SUGGESTIONS = 3;
    private static final int MIN_CHANGE_CHARS = 10;

    private final int minAnswerChars;
    private final MarkdownRubric markdown;
    private final Grounding grounding;

    /** A rubric that checks no claim about a file and accepts answers without a score. */
    public Rubric(int minAnswerChars) {
        this(minAnswerChars, false, null);
    }

    /**
     * The rubric of one file's answers.
     *
     * @param minAnswerChars shorter answers are thin
     * @param requireScore whether an answer without an alignment score is thin (a JSON answer always has one)
     * @param file the file under review, whose declarations and lines the answer's claims must match
     */
    public Rubric(int minAnswerChars, boolean requireScore, SymbolTable file) {
        this.minAnswerChars = minAnswerChars;
        this.grounding = file == null ? null : new Grounding(file);
        this.markdown = new MarkdownRubric(minAnswerChars, requireScore, grounding);
    }

    @Override
    public Verdict check(String answer, AnswerFormat format) {
        if (format == AnswerFormat.MARKDOWN) {
            return markdown.check(answer, format);
        }
        if (answer == null || answer.isBlank()) {
            return Verdict.rejected(Rejection.THIN, "the answer was empty", null, "");
        }
        StructuredAnswerParser.Result parsed = StructuredAnswerParser.parse(answer);
        if (!parsed.ok()) {
            return Verdict.rejected(Rejection.MALFORMED, "the answer was not the asked JSON: "
                    + String.join("; ", parsed.errors()), null, answer.strip());
        }
        StructuredAnswer a = parsed.answer();
        String md = AnswerRenderer.markdown(a);
        long real = a.suggestions().stream()
                .filter(s -> s.change() != null && s.change().strip().length() >= MIN_CHANGE_CHARS)
                .count();
        if (real < MIN_SUGGESTIONS) {
            return Verdict.rejected(Rejection.THIN, "the answer had " + real + " suggestions with real text, at least "
                    + MIN_SUGGESTIONS + " needed", a.score(), md);
        }
        if (md.length() < minAnswerChars) {
            return Verdict.rejected(Rejection.THIN, "the answer rendered to " + md.length()
                    + " characters, fewer than the " + minAnswerChars + " required", a.score(), md);
        }
        List<String> problems = grounding == null ? List.of() : grounding.problems(a);
        if (!problems.isEmpty()) {
            return Verdict.rejected(Rejection.UNGROUNDED, Grounding.reason(problems), a.score(), md);
        }
        return Verdict.accepted(a, md);
    }
}
