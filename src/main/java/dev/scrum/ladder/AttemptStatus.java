package dev.scrum.ladder;

import java.util.Locale;

/** How one rung's attempt at a file ended (SPEC.md's {@code status}). */
public enum AttemptStatus {
    /** Passed the rubric: the file's review. */
    ACCEPTED,
    /** Empty, too short, or without structure. */
    THIN,
    /** Not the asked JSON. */
    MALFORMED,
    /** Names a line or symbol the file does not have, or calls missing a symbol the file declares. */
    UNGROUNDED,
    /** The prompt or the answer was cut. */
    TRUNCATED,
    /** HTTP, network or timeout failure. */
    ERROR,
    /** Not called, with the reason. */
    SKIPPED;

    /** The JSON value: {@code accepted}, {@code thin}, ... */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
