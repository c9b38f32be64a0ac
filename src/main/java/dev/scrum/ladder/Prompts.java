package dev.scrum.ladder;

import dev.scrum.llm.AnswerFormat;
import java.util.List;

/** The prompt of one file's review, built anew for each rung so that it carries every earlier failure. */
public interface Prompts {

    /** The system message for a rung asked for {@code format}. */
    String system(AnswerFormat format);

    /**
     * The user message for a rung asked for {@code format}.
     *
     * @param earlier every earlier attempt at this file, in order (failed ones; skipped rungs included)
     */
    String user(AnswerFormat format, List<Attempt> earlier);
}
