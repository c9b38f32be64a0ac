package dev.scrum.check;

/**
 * A passage an answer cites.
 *
 * @param doc {@code PRD} or {@code PLAN}, as the prompt labels the documents
 * @param offset the character offset cited
 * @param valid whether a passage starting at that offset was sent with the prompt
 */
public record Citation(String doc, int offset, boolean valid) {}
