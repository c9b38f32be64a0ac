package dev.scrum.report;

/**
 * One part of a file that was too large for a rung's context window and was reviewed in parts.
 *
 * @param n the part's number, from 1
 * @param firstLine the part's first line in the file
 * @param lastLine the part's last line in the file
 * @param chars the part's length in characters
 * @param acceptedOn the attempt that was accepted for the part, or {@code null}
 * @param model {@code provider/model} of the accepted attempt, or {@code ""}
 * @param attemptsMade calls made for the part
 */
public record FilePart(int n, int firstLine, int lastLine, int chars, Integer acceptedOn, String model, int attemptsMade) {}
