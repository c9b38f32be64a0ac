package dev.scrum.report;

import java.nio.file.Path;

/**
 * One report a run wrote, or failed to write.
 *
 * @param name the format's name
 * @param path where it went
 * @param problem why an optional report could not be written, or {@code null} when it was
 */
public record WrittenReport(String name, Path path, String problem) {}
