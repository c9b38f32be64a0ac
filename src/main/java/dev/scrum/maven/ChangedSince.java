package dev.scrum.maven;

import dev.scrum.git.Change;
import dev.scrum.git.ChangedFiles;
import dev.scrum.git.ChangedFilesException;
import dev.scrum.git.ChangedLines;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;

/** {@code changedSince}: narrows the selected files to those changed since a git ref. */
final class ChangedSince {

    private ChangedSince() {}

    /**
     * @param ref the git ref; {@code null} or blank keeps every selected file
     * @param selected paths relative to {@code baseDir}, with {@code /}
     * @param info where the one line with the counts goes
     * @return the selected files that changed, in their order
     */
    static List<String> filter(Path baseDir, String ref, List<String> selected, Consumer<String> info)
            throws MojoExecutionException {
        if (ref == null || ref.isBlank()) {
            return selected;
        }
        Set<String> changed;
        try {
            changed = ChangedFiles.since(baseDir, ref.trim());
        } catch (ChangedFilesException e) {
            throw new MojoExecutionException(e.getMessage() + ". " + fix(e.reason()), e);
        }
        List<String> kept = selected.stream().filter(changed::contains).toList();
        info.accept("changedSince " + ref.trim() + ": " + kept.size() + " of " + selected.size()
                + " selected file(s) changed");
        return kept;
    }

    /**
     * The lines each of {@code files} changed since {@code ref}, for the prompts and the findings;
     * {@link Change#NONE} when no ref is given.
     */
    static Change lines(Path baseDir, String ref, List<String> files, Consumer<String> info)
            throws MojoExecutionException {
        if (ref == null || ref.isBlank()) {
            return Change.NONE;
        }
        Change change;
        try {
            change = ChangedFiles.lines(baseDir, ref.trim(), files);
        } catch (ChangedFilesException e) {
            throw new MojoExecutionException(e.getMessage() + ". " + fix(e.reason()), e);
        }
        long added = change.files().values().stream().filter(ChangedLines::added).count();
        int lines = change.files().values().stream().mapToInt(ChangedLines::count).sum();
        info.accept("changedSince " + ref.trim() + ": " + lines + " changed line(s) marked for review"
                + (added == 0 ? "" : ", " + added + " new file(s)"));
        return change;
    }

    private static String fix(ChangedFilesException.Reason reason) {
        return switch (reason) {
            case NOT_A_REPOSITORY -> "Run the build in a git clone, or leave <changedSince> (scrum.changedSince)"
                    + " unset to review every selected file";
            case UNKNOWN_REF -> "Set <changedSince> (scrum.changedSince) to a branch, tag or commit this clone has;"
                    + " in CI fetch the base first (e.g. git fetch origin main) or check out with full history"
                    + " (a shallow clone lacks older commits)";
            case UNREADABLE -> "Check the clone (git status), or leave <changedSince> (scrum.changedSince) unset";
        };
    }
}
