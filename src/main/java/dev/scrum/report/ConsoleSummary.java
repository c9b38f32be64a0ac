package dev.scrum.report;

import dev.scrum.ladder.ServerLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The closing summary a run prints to the build log: the table of files, the injections, the servers and the
 * totals. The gate's decision is logged first, by the goal ({@link GateDecision#headline()}).
 */
public final class ConsoleSummary {

    private ConsoleSummary() {}

    public static List<String> lines(RunReport run) {
        List<String> out = new ArrayList<>();
        int width = Math.max(4, run.reviews().stream().mapToInt(r -> r.file().length()).max().orElse(4));
        width = Math.min(width, 70);
        if (run.dryRun()) {
            out.add(String.format(Locale.ROOT, "%-" + width + "s  %8s  %8s  %s", "File", "Bytes", "Prompt", "PRD passages"));
            for (FileReview r : run.reviews()) {
                out.add(String.format(Locale.ROOT, "%-" + width + "s  %8d  %8d  %s", clip(r.file(), width), r.fileBytes(),
                        r.input().promptChars(), String.join(" ", r.input().prdPassages().stream()
                                .map(c -> "@" + c.chunk().offset()).toList())));
            }
        } else {
            out.add(String.format(Locale.ROOT, "%-" + width + "s  %5s  %-10s  %-32s  %8s  %8s", "File", "Score",
                    "Accepted", "Model", "Attempts", "Time"));
            for (FileReview r : run.reviews()) {
                out.add(String.format(Locale.ROOT, "%-" + width + "s  %5s  %-10s  %-32s  %8d  %7.1fs", clip(r.file(), width),
                        r.outcome().score() == null ? "-" : r.outcome().score() + "/10",
                        r.untrusted() ? "UNTRUSTED" : r.resolved() ? "attempt " + r.outcome().acceptedOn() : "UNRESOLVED",
                        clip(r.resolved() ? r.outcome().acceptedRung() : "-", 32), r.attemptsMade(), r.provenance()
                        .durationMs() / 1000.0));
            }
        }
        String injected = RunOverview.injections(run);
        if (!injected.isEmpty()) {
            out.add(injected);
            run.injections().forEach(i -> out.add("  " + i.location() + " " + i.description() + ": «" + i.quoted()
                    + "»" + (i.known() ? " (known)" : "")));
        }
        for (ServerLoad s : run.servers()) {
            out.add(String.format(Locale.ROOT, "Server %s at %s: limit %s, reached %d, %d at the end; peak %d in "
                    + "flight; %d call(s), %d timeout(s), %d 429/503", s.rung(), s.server(), s.kind(), s.limitReached(),
                    s.finalLimit(), s.peakInFlight(), s.calls(), s.timeouts(), s.pushbacks()));
        }
        long cached = run.reviews().stream().filter(r -> r.provenance().cached()).count();
        out.add(String.format(Locale.ROOT, "%d file(s), %d accepted, %d skipped, %d model call(s) this run%s, %.1f s",
                run.reviews().size(), run.resolvedCount(), run.skipped().size(), run.callsThisRun(),
                cached == 0 ? "" : " (" + cached + " from the cache)", run.totalDurationMs() / 1000.0));
        return out.stream().map(Masked::text).toList();
    }

    private static String clip(String s, int width) {
        return s.length() <= width ? s : "…" + s.substring(s.length() - width + 1);
    }
}
