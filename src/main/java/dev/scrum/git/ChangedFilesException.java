package dev.scrum.git;

/** Why the changed files could not be listed, in a sentence a person can act on. */
public final class ChangedFilesException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, so that a caller can name the fix. */
    public enum Reason {
        /** The base directory lies in no git work tree. */
        NOT_A_REPOSITORY,
        /** The ref names no commit (unknown, ambiguous, not a commit, or not fetched). */
        UNKNOWN_REF,
        /** The repository could not be read. */
        UNREADABLE
    }

    private final Reason reason;

    ChangedFilesException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
