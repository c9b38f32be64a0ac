package dev.scrum.ladder;

/** Hears about each attempt as it happens, for progress lines. */
public interface AttemptListener {

    /** A call to {@code rung} is about to be made as attempt {@code n} of {@code total}. */
    void starting(int n, int total, Rung rung);

    /** An attempt ended (or was skipped). */
    void finished(Attempt attempt, int total);

    /** The climb is over: no attempt follows. */
    default void done() {}

    /** A listener that hears nothing. */
    AttemptListener NONE = new AttemptListener() {
        @Override
        public void starting(int n, int total, Rung rung) {}

        @Override
        public void finished(Attempt attempt, int total) {}
    };
}
