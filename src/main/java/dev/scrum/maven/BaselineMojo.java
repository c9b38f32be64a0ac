package dev.scrum.maven;

import dev.scrum.report.BaselineFile;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the findings of the last review (or merge) to a baseline file the team commits, like SpotBugs' and
 * PMD's baselines: with {@code <baseline>} set to it, {@code scrum:review} and {@code scrum:merge} mark those
 * findings {@code known}, and they never fail {@code failOnGaps}. Reads what the review wrote under
 * {@code outputDirectory/scrum/} and calls no model, so run it after the review: {@code mvn verify
 * scrum:baseline}, or {@code mvn scrum:review scrum:baseline}.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractMojo {

    /** Do nothing, log one line. */
    @Parameter(property = "scrum.skip", defaultValue = "false")
    boolean skip;

    /** Where the review wrote {@code scrum/}. */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    /** The baseline file to write; commit it, and point {@code scrum:review}'s {@code <baseline>} at it. */
    @Parameter(property = "scrum.baselineFile", defaultValue = "${project.basedir}/scrum-baseline.json")
    File baselineFile;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the baseline (scrum.skip=true)");
            return;
        }
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        ReportLayout layout = new ReportLayout(base.resolve(outputDirectory.toPath()).normalize());
        Path scrum = layout.jsonDirectory();
        if (!Files.isRegularFile(layout.summary())) {
            throw new MojoExecutionException("No review to take a baseline of: " + layout.summary()
                    + " does not exist. Run the review first, in the same build (mvn verify scrum:baseline, or "
                    + "mvn scrum:review scrum:baseline), or point <outputDirectory> (scrum.outputDirectory) at it.");
        }
        RunReport run;
        try {
            run = JsonReportReader.read(scrum);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read the review under " + scrum + ": " + e.getMessage(), e);
        }
        if (run.dryRun()) {
            throw new MojoExecutionException("The review under " + scrum + " is a dry run's: it has no findings to "
                    + "take a baseline of. Run the review with a model ladder (without scrum.dryRun) first.");
        }
        Path target = base.resolve(baselineFile.toPath()).normalize();
        int written;
        try {
            written = BaselineFile.write(target, run);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write <baselineFile> (scrum.baselineFile) " + target + ": "
                    + e.getMessage(), e);
        }
        getLog().info("Baseline: " + written + " finding(s) of " + run.reviews().size() + " file(s) written to "
                + target);
        if (!run.unresolved().isEmpty()) {
            getLog().warn(run.unresolved().size() + " file(s) had no accepted review, so none of their findings is "
                    + "in the baseline: " + String.join(", ", run.unresolved().stream().map(r -> r.file()).toList()));
        }
    }
}
