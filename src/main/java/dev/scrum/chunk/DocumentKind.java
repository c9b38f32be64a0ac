package dev.scrum.chunk;

/** The two documents a source file is reviewed against. */
public enum DocumentKind {
    /** The product requirements document. */
    PRD("PRD", "PRD"),
    /** The change proposal; prompts label its passages {@code PLAN}, as the original pipeline did. */
    PROPOSAL("PROPOSAL", "PLAN");

    private final String jsonName;
    private final String promptLabel;

    DocumentKind(String jsonName, String promptLabel) {
        this.jsonName = jsonName;
        this.promptLabel = promptLabel;
    }

    /** The name written in JSON {@code origin} fields. */
    public String jsonName() {
        return jsonName;
    }

    /** The label a prompt and a citation use: {@code [PRD @27880]}, {@code PLAN@16320}. */
    public String promptLabel() {
        return promptLabel;
    }
}
