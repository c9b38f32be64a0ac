package dev.scrum.maven;

import dev.scrum.report.Baseline;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.review.ReviewResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Applies the gate to the review already written under {@code target/scrum/}, calling no model: the
 * {@code pmd:check} to {@code scrum:review}'s {@code pmd:pmd}. A pipeline can review in one step (with
 * {@code -Dscrum.failOnUnresolved=false} and no gate) and decide in another, or re-decide with another
 * {@code minScore}, {@code failOnGaps} or baseline without paying for the models again. The gate and its
 * parameters are {@code scrum:review}'s.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGatedMojo {

    /** Where the review's {@code scrum-report.md} and {@code scrum/} are, as {@code scrum:review} wrote them. */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    public CheckMojo() {
        super("the check");
    }

    @Override
    Optional<ReviewResult> run() throws MojoExecutionException {
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        ReportLayout layout = new ReportLayout(base.resolve(outputDirectory.toPath()).normalize());
        Path json = layout.jsonDirectory();
        if (!Files.isRegularFile(json.resolve(ReportLayout.SUMMARY))) {
            throw new MojoExecutionException("No review to check: " + json.resolve(ReportLayout.SUMMARY)
                    + " does not exist. Run mvn scrum:review first (in the same build: mvn scrum:review scrum:check), "
                    + "or point <outputDirectory> (scrum.outputDirectory) at the directory it wrote to");
        }
        Baseline known = readBaseline();
        RunReport run;
        try {
            run = JsonReportReader.read(json);
        } catch (IOException e) {
            throw new MojoExecutionException("The review under " + json + " cannot be read: " + e.getMessage()
                    + ". Run mvn scrum:review again to write it afresh", e);
        }
        if (baseline != null) {
            run = known.mark(run);
        }
        if (run.dryRun()) {
            getLog().warn("The review under " + json + " was a dry run: no model was called, so the gate has nothing "
                    + "to decide on and passes. Run mvn scrum:review without -Dscrum.dryRun before scrum:check");
        }
        getLog().info("Checking the review of " + run.reviews().size() + " file(s) from " + json);
        return Optional.of(new ReviewResult(run, layout, List.of()));
    }
}
