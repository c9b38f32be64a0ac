package dev.scrum.check;

/**
 * A passage an answer cites.
 *
 * @param doc {@code PRD} or {@code PLAN}, as the prompt labels the documents
 * @param offset the character offset cited
 * @param valid whether a passage starting at that offset was sent with the prompt
 * @param line the 1-based line of the document the passage starts on, or {@code null} (invalid, or unknown)
 * @param heading the nearest Markdown or AsciiDoc heading before the passage, or {@code null} when none
 */
public record Citation(String doc, int offset, boolean valid, Integer line, String heading) {}
