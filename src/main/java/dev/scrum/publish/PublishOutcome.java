package dev.scrum.publish;

import java.util.List;

/**
 * What one publishing did.
 *
 * @param target what was published to ({@link Forge#describe()})
 * @param summaryUpdated whether the summary was updated in place (else it was created)
 * @param posted inline comments posted this time
 * @param alreadyThere inline comments left alone: their finding was commented on by an earlier run
 * @param refused inline remarks the platform refused, put into the summary instead
 * @param outdated earlier inline comments marked outdated: their finding no longer holds
 * @param inSummary remarks in the summary because they are outside the diff (or have no line)
 */
public record PublishOutcome(String target, boolean summaryUpdated, int posted, int alreadyThere,
        List<Remark> refused, int outdated, int inSummary) {

    public PublishOutcome {
        refused = List.copyOf(refused);
    }

    /** One line for the log. */
    public String describe() {
        return (summaryUpdated ? "Updated the summary" : "Posted the summary") + " on " + target + "; inline: "
                + posted + " posted, " + alreadyThere + " already there, " + refused.size()
                + " refused by the platform (in the summary), " + outdated + " marked outdated; " + inSummary
                + " finding(s) outside the diff in the summary";
    }
}
