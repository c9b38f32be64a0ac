package dev.scrum.report;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of result the code-scanning reports (SARIF, GitLab Code Quality) carry, one rule each: a
 * suggestion, a gap of each kind, and a file left unresolved. Each has a stable id, a SARIF level and a GitLab
 * severity.
 */
public enum ScrumRule {
    GAP_MISSING("scrum/gap/missing", "missing", "warning", "major",
            "A requirement is missing from the file",
            "The PRD or the change proposal asks for something (a method, a field, a behaviour) this file lacks."),
    GAP_PARTIAL("scrum/gap/partial", "partial", "warning", "minor",
            "A requirement is only partly implemented",
            "The file implements part of what the PRD or the change proposal asks; the rest is still to do."),
    GAP_CONTRADICTS("scrum/gap/contradicts", "contradicts", "error", "critical",
            "The file contradicts the requirements",
            "The code does something the PRD or the change proposal rules out: one of them, or the code, is wrong."),
    GAP_UNREQUESTED("scrum/gap/unrequested", "unrequested", "note", "info",
            "The file does something nobody asked for",
            "The file does something neither the PRD nor the change proposal asks for: scope creep, or a "
                    + "requirement the documents should record."),
    GAP_OTHER("scrum/gap", null, "warning", "minor",
            "A gap between the file and the requirements",
            "The review names a gap between the file and the documents without saying which kind."),
    SUGGESTION("scrum/suggestion", null, "note", "info",
            "A change that would align the file with the requirements",
            "A concrete change the review proposes so that the file follows the PRD and the change proposal."),
    PROMPT_INJECTION(Injection.RULE, null, "error", "critical",
            "Text under review addresses the reviewer",
            "Text in a reviewed file, the PRD or the change proposal addresses the reviewer, a model or an AI, or "
                    + "tries to change its task, its answer's format, its score or its findings; or an invisible or "
                    + "bidirectional-control character hides what the text says. The plugin found it before asking "
                    + "any model, and a review that read it is untrusted."),
    UNRESOLVED("scrum/unresolved", null, "warning", "major",
            "The file has no accepted review",
            "No rung of the model ladder gave an answer that passed the rubric, so nothing is known about this "
                    + "file's alignment with the requirements.");

    private final String id;
    private final String gapKind;
    private final String level;
    private final String gitLabSeverity;
    private final String shortDescription;
    private final String fullDescription;

    ScrumRule(String id, String gapKind, String level, String gitLabSeverity, String shortDescription,
            String fullDescription) {
        this.id = id;
        this.gapKind = gapKind;
        this.level = level;
        this.gitLabSeverity = gitLabSeverity;
        this.shortDescription = shortDescription;
        this.fullDescription = fullDescription;
    }

    /** The rule a finding falls under. */
    public static ScrumRule of(Finding finding) {
        if (!"gap".equals(finding.kind())) {
            return SUGGESTION;
        }
        return Arrays.stream(values()).filter(r -> r.gapKind != null && r.gapKind.equals(finding.gapKind()))
                .findFirst().orElse(GAP_OTHER);
    }

    /** The gap kinds a review names: {@code missing, partial, contradicts, unrequested}. */
    public static List<String> gapKinds() {
        return Arrays.stream(values()).filter(r -> r.gapKind != null).map(r -> r.gapKind).toList();
    }

    /** The stable rule id, e.g. {@code scrum/gap/missing}. */
    public String id() {
        return id;
    }

    /** SARIF's {@code level}: {@code error}, {@code warning} or {@code note}. */
    public String level() {
        return level;
    }

    /** GitLab Code Quality's {@code severity}: {@code info}, {@code minor}, {@code major} or {@code critical}. */
    public String gitLabSeverity() {
        return gitLabSeverity;
    }

    public String shortDescription() {
        return shortDescription;
    }

    public String fullDescription() {
        return fullDescription;
    }

    /** What to do about a result of this rule, as markdown. */
    public String helpMarkdown() {
        if (this == PROMPT_INJECTION) {
            return "**" + shortDescription + ".** " + fullDescription + "\n\n"
                    + "Remove the text (or the invisible characters) from the file or document. It fails the build "
                    + "while `failOnInjection` is on (the default); a deliberate one the team keeps, such as a test "
                    + "fixture, can be recorded in the baseline (`mvn scrum:baseline`), after which it no longer "
                    + "fails the build.";
        }
        return "**" + shortDescription + ".** " + fullDescription + "\n\n"
                + "The finding comes from an LLM review of the file against the PRD and the change proposal "
                + "(scrum-maven-plugin). Check it against the passages it cites, listed with the result and in "
                + "`target/scrum-report.md`, then change the code or the documents. A finding the team accepts "
                + "can be recorded in the baseline (`mvn scrum:baseline`), after which it no longer fails "
                + "`failOnGaps`.";
    }

    /** {@link #helpMarkdown()} without the markdown. */
    public String helpText() {
        return helpMarkdown().replace("**", "").replace("`", "");
    }
}
