package dev.scrum.check;

import java.util.Objects;

/**
 * What the rubric made of one answer.
 *
 * @param rejection why it was rejected, or {@code null} when accepted
 * @param reason the rejection in words the next model can act on, or {@code null}
 * @param score the alignment score 1–10 the answer gives, or {@code null} when it gives none
 * @param markdown the answer as the report shows it
 * @param structured the parsed answer of a JSON rung, or {@code null} (markdown, or malformed)
 */
public record Verdict(Rejection rejection, String reason, Integer score, String markdown, StructuredAnswer structured) {

    public Verdict {
        Objects.requireNonNull(markdown, "markdown");
        if ((rejection == null) != (reason == null)) {
            throw new IllegalArgumentException("a rejection needs a reason, an acceptance has none");
        }
    }

    public static Verdict accepted(Integer score, String markdown) {
        return new Verdict(null, null, score, markdown, null);
    }

    public static Verdict accepted(StructuredAnswer answer, String markdown) {
        return new Verdict(null, null, answer.score(), markdown, answer);
    }

    public static Verdict rejected(Rejection rejection, String reason, Integer score, String markdown) {
        return new Verdict(Objects.requireNonNull(rejection, "rejection"), reason, score, markdown, null);
    }

    public boolean isAccepted() {
        return rejection == null;
    }
}
