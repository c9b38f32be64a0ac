package dev.scrum.report;

import dev.scrum.check.DocumentOutline;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What both reports say about a run, worded once: the verdict, the files in the order a reader wants them, the
 * totals, how the ladder was used, the distribution of scores, the facts of one file's review.
 */
final class RunOverview {

    /** How one rung of the ladder was used: files accepted on it, calls made to it this run, and how they ended. */
    record RungUse(int n, String rung, int accepted, int calls, Map<String, Integer> outcomes) {

        /** The calls that were not accepted, by status: {@code 2 thin, 1 error}; {@code ""} when none. */
        String notAccepted() {
            return outcomes.entrySet().stream().filter(e -> !e.getKey().equals("accepted"))
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        }
    }

    private RunOverview() {}

    static String verdict(RunReport run) {
        String injected = injections(run);
        return injected.isEmpty() ? outcome(run) : injected + " " + outcome(run);
    }


    /**
     * {@code Prompt injection: 2 in what the models were sent (1 new); 1 review read one and is untrusted.}, or
     * {@code ""} when there is none.
     */
    static String injections(RunReport run) {
        List<Injection> all = run.injections();
        if (all.isEmpty()) {
            return "";
        }
        long fresh = all.stream().filter(i -> !i.known()).count();
        long untrusted = run.reviews().stream().filter(FileReview::untrusted).count();
        return "Prompt injection: " + all.size() + " in what the models were sent"
                + (fresh == all.size() ? "" : " (" + fresh + " new)") + "; " + untrusted + " review(s) read one and "
                + (untrusted == 1 ? "is" : "are") + " untrusted.";
    }

    /**
     * What the file tables say when there is no review: {@code No file was selected for review.}, or, when files
     * were selected and all skipped, {@code 3 file(s) selected, none reviewable: src/A.java (binary: …), ….}
     */
    static String nothingReviewed(RunReport run) {
        return run.skipped().isEmpty() ? "No file was selected for review."
                : SkippedFile.noneReviewable(run.skipped()) + ".";
    }

    private static String outcome(RunReport run) {
        if (run.reviews().isEmpty()) {
            return nothingReviewed(run);
        }
        if (run.dryRun()) {
            return "Dry run: " + run.reviews().size() + " file(s) would be reviewed; no model was called.";
        }
        int unresolved = run.unresolved().size();
        int n = run.reviews().size();
        if (unresolved == 0) {
            return "All " + n + " file(s) reviewed: " + n + " answered and accepted.";
        }
        return unresolved + " of " + n + " file(s) unresolved: no rung's answer was accepted.";
    }

    /**
     * What a reader looks at next, after the verdict: the lowest score, the findings by kind, the uncovered
     * sections and the skipped files; {@code ""} when there is nothing to say.
     */
    static String headline(RunReport run, List<RequirementsCoverage.Row> coverage) {
        List<String> parts = new ArrayList<>();
        run.reviews().stream().filter(r -> r.outcome().score() != null).min(Comparator.comparing(r -> r.outcome()
                .score()))
                .ifPresent(r -> parts.add("Lowest score " + r.outcome().score() + "/10 (" + r.file() + ")"));
        List<Finding> findings = run.reviews().stream().flatMap(r -> r.outcome().findings().stream()).toList();
        if (!findings.isEmpty()) {
            long suggestions = findings.stream().filter(f -> !"gap".equals(f.kind())).count();
            Map<String, Long> gaps = findings.stream().filter(f -> "gap".equals(f.kind()))
                    .collect(Collectors.groupingBy(f -> f.gapKind() == null ? "other" : f.gapKind(), TreeMap::new,
                            Collectors.counting()));
            long gapCount = gaps.values().stream().mapToLong(Long::longValue).sum();
            parts.add(suggestions + " suggestion(s) and " + gapCount + " gap(s)" + (gaps.isEmpty() ? "" : " ("
                    + gaps.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                            .collect(Collectors.joining(", ")) + ")"));
        }
        if (coverage != null && !run.reviews().isEmpty()) {
            long uncovered = coverage.stream().filter(RequirementsCoverage.Row::uncovered).count();
            parts.add(uncovered + " of " + coverage.size() + " PRD section(s) given to no file and cited by no finding");
        }
        if (!run.skipped().isEmpty()) {
            parts.add(run.skipped().size() + " file(s) skipped");
        }
        return parts.isEmpty() ? "" : String.join(" · ", parts) + ".";
    }

    /** Unresolved files first, then the lowest scores (no score lowest), then by path; a dry run as selected. */
    static List<FileReview> ordered(RunReport run) {
        if (run.dryRun()) {
            return run.reviews();
        }
        return run.reviews().stream()
                .sorted(Comparator.comparing(FileReview::resolved)
                        .thenComparing(r -> r.outcome().score() == null ? Integer.MIN_VALUE : r.outcome().score())
                        .thenComparing(FileReview::file))
                .toList();
    }

    /** {@code 1 of 2 accepted, 3 model calls this run, 1,200 + 400 tokens.} */
    static String totals(RunReport run) {
        long cached = run.reviews().stream().filter(r -> r.provenance().cached()).count();
        return run.resolvedCount() + " of " + run.reviews().size() + " accepted, " + run.callsThisRun()
                + " model calls this run" + (cached > 0 ? " (" + cached + " file(s) from the cache)" : "") + ", "
                + tokens(run.reviews().stream().mapToLong(FileReview::promptTokens).sum(),
                        run.reviews().stream().mapToLong(FileReview::completionTokens).sum())
                + " tokens.";
    }

    /** The ladder's rungs in order, then any other model a (cached) review was accepted on. */
    static List<RungUse> ladder(RunReport run) {
        List<String> rungs = new ArrayList<>(run.ladder());
        run.reviews().stream().filter(FileReview::resolved).map(r -> r.outcome().acceptedRung())
                .filter(m -> !rungs.contains(m)).distinct().forEach(rungs::add);
        List<RungUse> out = new ArrayList<>();
        for (int i = 0; i < rungs.size(); i++) {
            String rung = rungs.get(i);
            int accepted = (int) run.reviews().stream().filter(r -> r.resolved() && r.outcome().acceptedRung()
                    .equals(rung))
                    .count();
            List<Attempt> calls = run.reviews().stream().filter(r -> !r.provenance().cached())
                    .flatMap(r -> r.outcome().attempts().stream()).filter(a -> a.rungId().equals(rung)).toList();
            Map<String, Integer> outcomes = new LinkedHashMap<>();
            calls.forEach(a -> outcomes.merge(a.status().id(), 1, Integer::sum));
            out.add(new RungUse(i < run.ladder().size() ? i + 1 : 0, rung, accepted,
                    (int) calls.stream().filter(Attempt::called).count(), outcomes));
        }
        return out;
    }

    /** Files per alignment score: index 1 to 10 the scores, index 0 the resolved files with no score. */
    static int[] scoreCounts(RunReport run) {
        int[] counts = new int[11];
        for (FileReview r : run.reviews()) {
            if (r.resolved()) {
                counts[r.outcome().score() == null ? 0 : Math.max(1, Math.min(10, r.outcome().score()))]++;
            }
        }
        return counts;
    }

    /**
     * A file's review in one line: {@code 8/10 · accepted on attempt 2 (ollama/qwen3:latest) · 40.2 s · citations:
     * 2 valid, 0 invalid}, or why it is unresolved.
     */
    static String facts(FileReview r, boolean dryRun) {
        if (dryRun) {
            return "Would send a prompt of " + r.input().promptChars() + " characters (the whole file, " + r.fileBytes()
                    + " bytes, and the passages below).";
        }
        if (!r.resolved()) {
            return "no rung's answer was accepted (" + r.attemptsMade() + " calls, " + seconds(r.provenance()
                    .durationMs()) + ").";
        }
        StringBuilder s = new StringBuilder();
        s.append(r.outcome().score() == null ? "none given" : r.outcome().score() + "/10")
                .append(" · accepted on attempt ")
                .append(r.outcome().acceptedOn()).append(" (").append(r.outcome().acceptedRung()).append(") · ")
                .append(seconds(r.provenance().durationMs()));
        if (r.provenance().cached()) {
            s.append(" · cached, reviewed ").append(r.provenance().reviewedAt() == null ? "in an earlier run"
                    : DateTimeFormatter.ISO_INSTANT.format(r.provenance().reviewedAt()
                    .truncatedTo(ChronoUnit.SECONDS)));
        }
        if (r.outcome().citationsInvalid() > 0 || r.outcome().citationsValid() > 0) {
            s.append(" · citations: ").append(r.outcome().citationsValid()).append(" valid, ").append(r.outcome()
                    .citationsInvalid())
                    .append(" invalid");
        }
        return s.toString();
    }

    /** {@code Too large for ...: reviewed in 12 parts, then consolidated.}, or {@code ""} for a file reviewed whole. */
    static String partsLine(FileReview r) {
        return r.provenance().parts().isEmpty() ? ""
                : "Too large for the ladder's smallest context window: reviewed in "
                + r.provenance().parts().size() + " parts, then consolidated.";
    }

    /** A document's size: {@code 990 characters, 24 lines, 2 passages, 5 sections}. */
    static String size(DocumentInfo d, ReportDocuments documents) {
        DocumentOutline outline = kind(d).map(documents::outline).orElse(null);
        String text = kind(d).map(documents::text).orElse(null);
        return String.format(Locale.ROOT, "%,d", d.chars()) + " characters, "
                + (text == null ? "" : outline.line(text.length()) + " lines, ") + d.chunks() + " passages"
                + (outline == null ? "" : ", " + outline.sections().size() + " sections");
    }

    private static java.util.Optional<DocumentKind> kind(DocumentInfo d) {
        return Stream.of(DocumentKind.values()).filter(k -> k.jsonName().equals(d.label())).findFirst();
    }

    /** The finding's short name: {@code line 12}, {@code missing gap}, or its kind. */
    static String findingRef(Finding f) {
        if (f.line() != null) {
            return "line " + f.line();
        }
        return "gap".equals(f.kind()) && f.gapKind() != null ? f.gapKind() + " gap" : f.kind();
    }

    /** A finding's kind as shown: {@code suggestion}, {@code gap: missing}. */
    static String kindOf(Finding f) {
        return "gap".equals(f.kind()) && f.gapKind() != null ? "gap: " + f.gapKind() : f.kind();
    }

    /** A finding's text, with a suggestion's title before it. */
    static String textOf(Finding f) {
        return f.title() == null || f.title().isBlank() ? f.text() : f.title() + ": " + f.text();
    }

    /** A finding's citations: {@code PRD@0, PLAN@16 (invalid)}. */
    static String citationsOf(Finding f) {
        return f.citations().stream().map(c -> (c.offset() < 0 ? c.doc() : c.doc() + "@" + c.offset())
                + (c.valid() ? "" : " (invalid)")).collect(Collectors.joining(", "));
    }

    /** Where a passage stands in its document: its heading, or {@code null} when unknown or before any. */
    static String heading(ReportDocuments documents, dev.scrum.chunk.Chunk c) {
        DocumentOutline outline = documents.outline(c.kind());
        return outline == null ? null : outline.heading(c.offset());
    }

    /** A passage's 1-based line in its document, or {@code null} when unknown. */
    static Integer line(ReportDocuments documents, dev.scrum.chunk.Chunk c) {
        DocumentOutline outline = documents.outline(c.kind());
        return outline == null ? null : outline.line(c.offset());
    }

    /** A section's name: its heading, or what stands for the text before the first one (or for a document of none). */
    static String sectionName(DocumentOutline.Section s, int sections) {
        if (s.heading() != null) {
            return s.heading();
        }
        return sections == 1 ? "(the whole document: no headings)" : "(before the first heading)";
    }

    static String ranAt(RunReport run) {
        return DateTimeFormatter.ISO_INSTANT.format(run.ranAt().truncatedTo(ChronoUnit.SECONDS));
    }

    static String tokens(long prompt, long answer) {
        return String.format(Locale.ROOT, "%,d + %,d", prompt, answer);
    }

    static String seconds(long ms) {
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** The first {@code cap} items joined, then how many more: {@code a, b and 3 more}; {@code –} for none. */
    static String joinSome(List<String> items, int cap) {
        if (items.isEmpty()) {
            return "–";
        }
        String shown = String.join(", ", items.subList(0, Math.min(cap, items.size())));
        return items.size() > cap ? shown + " and " + (items.size() - cap) + " more" : shown;
    }

    /** The passages' offsets: {@code @0, @680}, or {@code –}. */
    static String offsets(List<dev.scrum.retrieve.ScoredChunk> chunks) {
        return chunks.isEmpty() ? "–" : String.join(", ", chunks.stream().map(c -> "@" + c.chunk().offset()).toList());
    }

    /** The file's name without its directories. */
    static String baseName(String file) {
        return file.substring(file.lastIndexOf('/') + 1);
    }
}
