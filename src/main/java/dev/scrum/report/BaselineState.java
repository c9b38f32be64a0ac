package dev.scrum.report;

import java.util.List;

/** Whether a finding was already in the baseline the run was given ({@code known}) or not ({@code new}). */
public enum BaselineState {
    NEW("new"),
    KNOWN("known");

    private final String id;

    BaselineState(String id) {
        this.id = id;
    }

    /** The JSON value: {@code new} or {@code known}. */
    public String id() {
        return id;
    }

    /**
     * {@code "2 new, 3 known"} for findings marked against a baseline; {@code null} when none of them is marked
     * (the run had no baseline).
     */
    public static String describe(List<Finding> findings) {
        long known = findings.stream().filter(f -> f.baseline() == KNOWN).count();
        long fresh = findings.stream().filter(f -> f.baseline() == NEW).count();
        return known + fresh == 0 ? null : fresh + " new, " + known + " known";
    }
}
