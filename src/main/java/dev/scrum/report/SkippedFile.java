package dev.scrum.report;

/** A selected file that was not reviewed, and why (too large, binary, unreadable). */
public record SkippedFile(String file, String reason) {
    public SkippedFile {
        reason = Masked.text(reason);
    }
}
