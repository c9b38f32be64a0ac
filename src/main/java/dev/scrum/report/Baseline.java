package dev.scrum.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The findings a team has accepted, by {@link Fingerprint}: a run's findings found here are {@code known},
 * the others {@code new}. Read and written by {@link BaselineFile}.
 *
 * @param file where it was read from, or {@code null} for {@link #NONE}
 * @param fingerprints the accepted findings' fingerprints
 */
public record Baseline(Path file, Set<String> fingerprints) {

    /** No baseline: findings are left unmarked. */
    public static final Baseline NONE = new Baseline(null, Set.of());

    public Baseline {
        fingerprints = Set.copyOf(fingerprints);
    }

    /** Whether a baseline was given. */
    public boolean active() {
        return file != null;
    }

    /**
     * The review with each finding and each prompt injection marked {@code known} or {@code new}; unchanged when
     * there is no baseline.
     */
    public FileReview mark(FileReview review) {
        if (!active()) {
            return review;
        }
        return review.toBuilder()
                .outcome(review.outcome().withFindings(review.outcome().findings().stream()
                        .map(f -> f.withBaseline(state(Fingerprint.of(review.file(), f))))
                        .toList()))
                .input(review.input().withInjections(mark(review.input().injections())))
                .build();
    }

    /** The injections, each marked {@code known} or {@code new}; unchanged when there is no baseline. */
    public List<Injection> mark(List<Injection> injections) {
        if (!active()) {
            return injections;
        }
        return injections.stream().map(i -> i.withBaseline(state(Fingerprint.of(i)))).toList();
    }

    private BaselineState state(String fingerprint) {
        return fingerprints.contains(fingerprint) ? BaselineState.KNOWN : BaselineState.NEW;
    }

    /**
     * The run with every review {@linkplain #mark(FileReview) marked}, and without the gate's decision: the marks
     * change which findings are new, so the decision is made again on the marked run.
     */
    public RunReport mark(RunReport run) {
        if (!active()) {
            return run;
        }
        return run.toBuilder().reviews(run.reviews().stream().map(this::mark).toList())
                .documentInjections(mark(run.documentInjections())).gate(null).build();
    }
}
