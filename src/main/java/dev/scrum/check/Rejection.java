package dev.scrum.check;

/** Why an answer was not accepted (the rubric's part of SPEC.md's attempt statuses). */
public enum Rejection {
    /** Empty, shorter than {@code minAnswerChars}, too few changes, or without structure. */
    THIN,
    /** Not the asked JSON. */
    MALFORMED,
    /** Names a line or symbol the file does not have, or calls missing a symbol the file declares. */
    UNGROUNDED
}
