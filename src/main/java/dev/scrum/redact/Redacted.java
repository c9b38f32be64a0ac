package dev.scrum.redact;

/**
 * A text with its secrets masked.
 *
 * @param text the text, every secret replaced by {@code «redacted:kind»}; its lines are the original's, one
 *     for one, so line numbers stay right
 * @param count how many secrets were masked
 */
public record Redacted(String text, int count) {}
