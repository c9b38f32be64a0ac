package dev.scrum.injection;

import java.util.Locale;

/**
 * What kind of text a hit is. {@link #id()} is a stable lowercase-hyphen word for JSON and SARIF;
 * {@link #describe()} a short phrase for a report.
 */
public enum InjectionKind {
    /** Tells the reader to drop its instructions, or gives it a new role or task. */
    INSTRUCTION_OVERRIDE("tries to override the reviewer's instructions"),
    /** A chat role or system marker at the start of a line ({@code SYSTEM:}, {@code ### Assistant}). */
    ROLE_MARKER("a chat role or system marker"),
    /** A chat-template token ({@code <|im_start|>}, {@code [INST]}, {@code <<SYS>>}). */
    CHAT_TEMPLATE_TOKEN("a chat-template token"),
    /** Claims that the change was approved already, or that it needs no review. */
    PRE_APPROVAL("claims the change is pre-approved"),
    /** Tells the reviewer what score, findings or answer format to give. */
    ANSWER_DIRECTIVE("tells the reviewer what score or findings to give"),
    /** Closes a code fence or opens a heading like the review prompt's own. */
    PROMPT_ESCAPE("imitates the review prompt's own headings or fences"),
    /** A zero-width, tag or other invisible character. */
    INVISIBLE_CHARACTER("an invisible character"),
    /** A bidirectional-control character (Trojan Source, CVE-2021-42574). */
    BIDI_CONTROL("a bidirectional-control character");

    private final String description;

    InjectionKind(String description) {
        this.description = description;
    }

    /** A stable lowercase-hyphen word: {@code instruction-override}, {@code bidi-control}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A short phrase that says what was found. */
    public String describe() {
        return description;
    }
}
