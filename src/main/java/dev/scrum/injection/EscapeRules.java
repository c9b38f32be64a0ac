package dev.scrum.injection;

import static dev.scrum.injection.Vocabulary.LEAD;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Text that imitates the review prompt's own structure (see {@code dev.scrum.prompt.ReviewPrompts} and
 * {@code ConsolidationPrompts}): its headings ({@code # Your review}, {@code # The file under review: …},
 * {@code # The PRD's passages most relevant to this file}, {@code ## Review of part 2}), and a code fence closed
 * and followed by a heading an answer or a new prompt would start with.
 */
final class EscapeRules {

    private static final InjectionKind KIND = InjectionKind.PROMPT_ESCAPE;

    /** A Markdown ({@code #}) or AsciiDoc ({@code =}) heading marker, after the line's lead. */
    private static final String HEADING = LEAD + "(?:#{1,6}|={1,6})\\s*";

    /** The headings of the review and consolidation prompts, and those a forged prompt would use. */
    private static final String PROMPT_HEADING = "(?:your\\s+review|the\\s+file\\s+under\\s+review|the\\s+prd's\\s+passages"
            + "|the\\s+change\\s+proposal's\\s+passages|earlier\\s+attempts\\s+at\\s+this\\s+review|review\\s+of\\s+part\\s+\\d+"
            + "|(?:new|updated|revised|real|actual|hidden|override|the\\s+real|the\\s+actual)\\s+(?:instructions?|task"
            + "|system\\s+prompt|prompt)|instructions?\\s+(?:for|to)\\s+(?:the\\s+)?(?:reviewer|model|ai|assistant|llm|grader)"
            + "|(?:corrected|correct|actual|real|true)\\s+(?:review|answer|score|verdict|assessment)"
            + "|final\\s+(?:answer|verdict|score))\\b";

    /** After a closed fence: a heading an answer or a new prompt starts with. */
    private static final String ANSWER_HEADING = "(?:(?:(?:your|final|new|updated|my)\\s+(?:review|answer|score"
            + "|assessment|instructions))|verdict|system\\s+prompt)\\s*:?\\s*#*\\s*$";

    /** A line that is a code fence: three or more backticks or tildes, perhaps with a language. */
    static final Pattern FENCE = Pattern.compile(LEAD + "(?:`{3,}|~{3,})[\\w+-]*\\s*$");

    /** {@code # Your review}, {@code ## The file under review: x}, {@code # New instructions}. */
    static final TextRule PROMPT_HEADING_RULE = TextRule.of("prompt-heading", KIND,
            List.of("review", "passages", "instruction", "task", "prompt", "answer", "verdict", "score", "assessment"),
            HEADING + "(?<hit>" + PROMPT_HEADING + ")").requiring("#", "=");

    /** {@code # Answer} or {@code ## Review} within three lines after a fence line. */
    static final TextRule FENCED_HEADING = TextRule.of("fenced-heading", KIND,
            List.of("review", "answer", "score", "assessment", "instruction", "verdict", "prompt"),
            HEADING + "(?<hit>" + ANSWER_HEADING + ")").requiring("#", "=").onlyAfterFence();

    /** In a string literal, on one line: {@code "```\n# Your review"}, {@code "~~~\n\n## Answer"}. */
    static final TextRule INLINE_FENCED_HEADING = TextRule.of("inline-fenced-heading", KIND, List.of("``", "~~"),
            "(?<hit>`{3,}|~{3,})[\\w+-]*\\s*(?:\\\\\\s*)*\\n[\\s\\\\]*(?:#{1,6}|={1,6})\\s*(?:" + PROMPT_HEADING + "|"
                    + "(?:(?:your|final|new|updated|my)\\s+)?(?:review|answer|verdict|score|system|system\\s+prompt"
                    + "|assistant|assessment|instructions)\\b)");

    static final List<TextRule> ALL = List.of(PROMPT_HEADING_RULE, FENCED_HEADING, INLINE_FENCED_HEADING);

    private EscapeRules() {}
}
