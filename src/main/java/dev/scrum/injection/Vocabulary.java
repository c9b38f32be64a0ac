package dev.scrum.injection;

/** The word lists the rules share, as regular-expression fragments over lower-cased folded text. */
final class Vocabulary {

    /**
     * Where a line's text starts: the line's start, a string literal's {@code \n} escape (folded to a line
     * feed), an opening quote, or a comment opened after code; then comment markers, quotes, list and quote
     * markers.
     */
    static final String LEAD = "(?:^|\\n|[\"'`]|(?<![:\\w])//|/\\*)[\\s/*>;!+\\-<\"'#\\\\]*";

    /** Who the text may address: a model, an AI, an assistant, a reviewer. */
    static final String READER = "(?:ai|a\\.i\\.|llm|gpt|chatgpt|claude|gemini|copilot|chatbot|bot|assistant"
            + "|(?:large\\s+)?language\\s+model|agent|reviewer|grader|judge|evaluator|model)s?";

    /** What is under review. */
    static final String WORK = "(?:change|changes|file|files|code|class|classes|pr|pull\\s+request|merge\\s+request"
            + "|commit|patch|diff|module|implementation|feature|proposal|update|refactoring|section)";

    /** What a reviewer answers with: its own findings. */
    static final String FINDINGS = "(?:gaps?|findings?)";

    /** A verb a directive to the reader starts with. */
    static final String DIRECTIVE_VERB = "(?:give|rate|score|grade|mark|approve|pass|accept|ignore|disregard"
            + "|forget|report|say|state|return|respond|reply|answer|output|treat|consider|skip|assume|confirm"
            + "|conclude|remember|list|flag|write|print|stop|pretend|act|do\\s+not|don't|never|always|only)";

    /** A modal that puts a directive on its subject: {@code you must}. */
    static final String YOU_MUST = "(?:you\\s+(?:must|should|will|shall|need\\s+to|have\\s+to|are\\s+to|may)\\s+"
            + "(?:now\\s+|only\\s+|also\\s+)?)";

    /** Words that tie a line to a review's outcome. */
    static final String REVIEW_CONTEXT = "(?:\\b(?:score|scored|scoring|rating|reviewer|review|prd|proposal|you|your"
            + "|approve|approved|implements|gaps|findings)\\b|/\\s*10\\b)";

    private Vocabulary() {}
}
