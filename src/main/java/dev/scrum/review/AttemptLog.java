package dev.scrum.review;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptListener;
import dev.scrum.ladder.FailureCause;
import dev.scrum.ladder.Rung;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Logs each attempt of a file (or a part of it) as it happens, one line as it starts and one as it ends. Attempts
 * that fail for the cause the one before them failed for (rungs on a server that refused the connection, rungs
 * skipped for the same reason) are said in one line once the run of them ends. One instance serves one climb.
 */
final class AttemptLog implements AttemptListener {

    private final Progress progress;
    private final String tag;
    /** The cause the last attempt said in full failed for, if it failed. */
    private Optional<FailureCause> last = Optional.empty();
    private int lastN;
    /** Attempts since that failed for the same cause, not yet said. */
    private final List<Attempt> repeats = new ArrayList<>();
    private int repeatsTotal;
    /** The start of a call that will most likely be refused like the last one: said only if it is not. */
    private String heldStart;

    AttemptLog(Progress progress, String tag) {
        this.progress = progress;
        this.tag = tag;
    }

    @Override
    public void starting(int n, int total, Rung rung) {
        String line = tag + " attempt " + n + "/" + total + " " + rung.id();
        if (last.isPresent() && last.get().refuses(rung)) {
            heldStart = line;
        } else {
            flush();
            progress.info(line);
        }
    }

    @Override
    public void finished(Attempt a, int total) {
        Optional<FailureCause> cause = FailureCause.of(a);
        if (cause.isPresent() && cause.equals(last)) {
            heldStart = null;
            repeats.add(a);
            repeatsTotal = total;
            return;
        }
        flush();
        if (heldStart != null) {
            progress.info(heldStart);
            heldStart = null;
        }
        progress.info(String.format(Locale.ROOT, "%s attempt %d/%d %s: %s, %d chars, %.1f s%s", tag, a.n(), total,
                a.rungId(), a.status().id(), a.chars(), a.durationMs() / 1000.0,
                a.error() == null ? "" : " (" + a.error() + ")"));
        last = cause;
        lastN = a.n();
    }

    @Override
    public void done() {
        flush();
    }

    /** Says the attempts held back for repeating the last cause, in one line. */
    private void flush() {
        if (repeats.isEmpty()) {
            return;
        }
        Attempt first = repeats.get(0);
        Attempt end = repeats.get(repeats.size() - 1);
        String numbers = repeats.size() == 1 ? "attempt " + first.n() : "attempts " + first.n() + "-" + end.n();
        String took = first.called() ? String.format(Locale.ROOT, ", %.1f s",
                repeats.stream().mapToLong(Attempt::durationMs).sum() / 1000.0) : "";
        progress.info(tag + " " + numbers + "/" + repeatsTotal + " "
                + String.join(", ", repeats.stream().map(Attempt::rungId).toList()) + ": " + first.status().id()
                + took + " (as attempt " + lastN + ")");
        repeats.clear();
    }
}
