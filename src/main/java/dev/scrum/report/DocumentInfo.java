package dev.scrum.report;

/**
 * A document a run reviewed against.
 *
 * @param label {@code PRD} or {@code PROPOSAL}
 * @param path its path as given
 * @param chars its length in characters
 * @param chunks passages it was cut into
 */
public record DocumentInfo(String label, String path, int chars, int chunks) {}
