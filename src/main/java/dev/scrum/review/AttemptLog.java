package dev.scrum.review;

import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptListener;
import dev.scrum.ladder.Rung;
import java.util.Locale;

/** Logs each attempt of a file (or a part of it) as it happens, one line as it starts and one as it ends. */
final class AttemptLog implements AttemptListener {

    private final Progress progress;
    private final String tag;

    AttemptLog(Progress progress, String tag) {
        this.progress = progress;
        this.tag = tag;
    }

    @Override
    public void starting(int n, int total, Rung rung) {
        progress.info(tag + " attempt " + n + "/" + total + " " + rung.id());
    }

    @Override
    public void finished(Attempt a, int total) {
        progress.info(String.format(Locale.ROOT, "%s attempt %d/%d %s: %s, %d chars, %.1f s%s", tag, a.n(), total,
                a.rungId(), a.status().id(), a.chars(), a.durationMs() / 1000.0,
                a.error() == null ? "" : " (" + a.error() + ")"));
    }
}
