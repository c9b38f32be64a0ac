package dev.scrum.review;

/** Where a run reports what it is doing, one line per step (the mojo hands Maven's log in). */
public interface Progress {
    void info(String line);

    void warn(String line);

    /** Says nothing. */
    Progress SILENT = new Progress() {
        @Override
        public void info(String line) {}

        @Override
        public void warn(String line) {}
    };
}
