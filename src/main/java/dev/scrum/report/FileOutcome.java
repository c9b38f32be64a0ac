package dev.scrum.report;

import dev.scrum.ladder.Attempt;
import java.util.List;

/**
 * What came back for a file: every rung's attempt, the accepted answer and what was read from it.
 *
 * @param attempts every attempt, skipped rungs included
 * @param acceptedOn the number of the accepted attempt (its rung), or {@code null}
 * @param acceptedRung {@code provider/model} of the accepted rung, or {@code ""}
 * @param acceptedMarkdown the accepted answer as markdown (for a structured answer, rendered from it), or
 *     {@code ""}
 * @param score the alignment score, or {@code null}
 * @param findings the accepted answer's suggestions and gaps
 * @param citationsValid citations naming a passage that was sent
 * @param citationsInvalid citations naming none
 */
public record FileOutcome(
        List<Attempt> attempts,
        Integer acceptedOn,
        String acceptedRung,
        String acceptedMarkdown,
        Integer score,
        List<Finding> findings,
        int citationsValid,
        int citationsInvalid) {

    /** No rung was asked (a dry run). */
    public static final FileOutcome NONE = builder().build();

    public FileOutcome {
        attempts = Masked.attempts(attempts);
        findings = List.copyOf(findings);
        acceptedRung = acceptedRung == null ? "" : acceptedRung;
        acceptedMarkdown = acceptedMarkdown == null ? "" : Masked.text(acceptedMarkdown);
    }

    /** Nothing accepted: the attempts alone. */
    public static FileOutcome unresolved(List<Attempt> attempts) {
        return builder().attempts(attempts).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().attempts(attempts).acceptedOn(acceptedOn).acceptedRung(acceptedRung)
                .acceptedMarkdown(acceptedMarkdown).score(score).findings(findings).citationsValid(citationsValid)
                .citationsInvalid(citationsInvalid);
    }

    public boolean resolved() {
        return acceptedOn != null;
    }

    /** This outcome with other findings (the same findings marked against a baseline). */
    public FileOutcome withFindings(List<Finding> marked) {
        return toBuilder().findings(marked).build();
    }

    /** Builds a {@link FileOutcome}; unset lists are empty, nothing accepted. */
    public static final class Builder {
        private List<Attempt> attempts = List.of();
        private Integer acceptedOn;
        private String acceptedRung = "";
        private String acceptedMarkdown = "";
        private Integer score;
        private List<Finding> findings = List.of();
        private int citationsValid;
        private int citationsInvalid;

        private Builder() {}

        public Builder attempts(List<Attempt> value) {
            attempts = value;
            return this;
        }

        public Builder acceptedOn(Integer value) {
            acceptedOn = value;
            return this;
        }

        public Builder acceptedRung(String value) {
            acceptedRung = value;
            return this;
        }

        /** The accepted attempt's number and rung, or nothing accepted when {@code accepted} is {@code null}. */
        public Builder accepted(Attempt accepted) {
            return acceptedOn(accepted == null ? null : accepted.n())
                    .acceptedRung(accepted == null ? "" : accepted.rungId());
        }

        public Builder acceptedMarkdown(String value) {
            acceptedMarkdown = value;
            return this;
        }

        public Builder score(Integer value) {
            score = value;
            return this;
        }

        public Builder findings(List<Finding> value) {
            findings = value;
            return this;
        }

        public Builder citationsValid(int value) {
            citationsValid = value;
            return this;
        }

        public Builder citationsInvalid(int value) {
            citationsInvalid = value;
            return this;
        }

        public FileOutcome build() {
            return new FileOutcome(attempts, acceptedOn, acceptedRung, acceptedMarkdown, score, findings,
                    citationsValid, citationsInvalid);
        }
    }
}
