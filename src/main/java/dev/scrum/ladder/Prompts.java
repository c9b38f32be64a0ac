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

    /**
     * The user message for one rung: the rung's format, and its secrets masked when the rung says so
     * ({@link Rung#redactSecrets()}). Prompts that carry nothing of the project's files need not override
     * this.
     *
     * @param earlier every earlier attempt at this file, in order
     */
    default String user(Rung rung, List<Attempt> earlier) {
        return user(rung.format(), earlier);
    }
}
