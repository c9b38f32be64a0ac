package dev.scrum.review;

import dev.scrum.ladder.Attempt;
import dev.scrum.report.FileReview;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The review of a file whose review failed unexpectedly: unresolved, with one {@code error} attempt by the
 * plugin itself saying what failed and where.
 */
final class UnexpectedFailure {

    /** The attempt's {@code provider_model}: no model was at fault. */
    static final String PLUGIN = "scrum-maven-plugin";

    private UnexpectedFailure() {}

    /** {@code internal: IllegalStateException: no symbol (at JavaDeclarations.java:88)}. */
    static String describe(Exception e) {
        String where = "";
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("dev.scrum.")) {
                where = " (at " + frame.getFileName() + ":" + frame.getLineNumber() + ")";
                break;
            }
        }
        return "internal: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())
                + where + "; the other files were reviewed";
    }

    static FileReview review(Path baseDir, String path, String what, long durationMs) {
        long bytes;
        try {
            bytes = Files.size(baseDir.resolve(path));
        } catch (IOException | RuntimeException unreadable) {
            bytes = 0;
        }
        return FileReview.failed(path, bytes, Attempt.failed(1, PLUGIN, "", what, durationMs));
    }
}
