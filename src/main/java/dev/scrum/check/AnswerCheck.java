package dev.scrum.check;

import dev.scrum.llm.AnswerFormat;

/** Decides whether a model's answer is good enough to be a file's review. */
public interface AnswerCheck {

    /**
     * @param answer the answer's text as the server returned it
     * @param format what the answer was asked to be
     */
    Verdict check(String answer, AnswerFormat format);
}
