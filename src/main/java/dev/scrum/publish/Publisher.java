package dev.scrum.publish;

import dev.scrum.report.RunReport;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a review on its pull request: reads the diff, places every finding ({@link Placement}), posts the inline
 * comments no earlier run posted (found again by their fingerprint), marks those whose finding no longer holds as
 * outdated, and writes the summary last, in place, with every finding that did not go inline. A re-run of an
 * unchanged review posts nothing new and updates the summary.
 */
public final class Publisher {

    private final Forge forge;

    public Publisher(Forge forge) {
        this.forge = forge;
    }

    /**
     * @param run the review read back from its JSON
     * @param prefix the project's directory from the repository's root ({@code ""} at the root)
     * @param report the full report's path or URL, for the summary
     */
    public PublishOutcome publish(RunReport run, String prefix, String report) throws PublishException {
        ChangedLines diff = forge.changedLines();
        Placement placement = Placement.of(run, diff, prefix);
        List<Forge.PostedComment> posted = forge.postedComments();
        Set<String> there = new HashSet<>();
        // an outdated or resolved comment counts too: a thread a person resolved is not posted again
        posted.forEach(c -> there.add(c.fingerprint()));
        Set<String> current = new HashSet<>();
        placement.inline().forEach(r -> current.add(r.fingerprint()));
        placement.elsewhere().forEach(r -> current.add(r.fingerprint()));
        int fresh = 0;
        int already = 0;
        List<Remark> refused = new ArrayList<>();
        for (Remark remark : placement.inline()) {
            if (there.contains(remark.fingerprint())) {
                already++;
            } else if (forge.postInline(remark)) {
                there.add(remark.fingerprint());
                fresh++;
            } else {
                refused.add(remark);
            }
        }
        int outdated = 0;
        for (Forge.PostedComment comment : posted) {
            if (!comment.outdated() && !current.contains(comment.fingerprint()) && forge.markOutdated(comment)) {
                outdated++;
            }
        }
        boolean updated = forge.upsertSummary(SummaryComment.render(run, placement, refused, diff, prefix, report));
        return new PublishOutcome(forge.describe(), updated, fresh, already, refused, outdated,
                placement.elsewhere().size());
    }

    /**
     * What {@link #publish} would post, without any request: the summary (every finding with a line counted as
     * on the diff, since the diff is not read) and each inline comment, for {@code -Dscrum.publish.dryRun}.
     */
    public static List<String> preview(RunReport run, String prefix, String report) {
        Placement placement = Placement.of(run, ChangedLines.unknown(), prefix);
        List<String> lines = new ArrayList<>();
        lines.add("Summary comment:");
        lines.addAll(SummaryComment.render(run, placement, List.of(), ChangedLines.unknown(), prefix, report)
                .lines().toList());
        for (Remark remark : placement.inline()) {
            lines.add("Inline comment on " + remark.location() + " (if the pull request changes that line):");
            lines.addAll(remark.commentBody().lines().toList());
        }
        return lines;
    }
}
