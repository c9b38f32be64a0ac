package dev.scrum.maven;

import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportDocuments;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.ReportPage;
import dev.scrum.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The site's "Scrum review" page ({@code scrum-report.html} in the site), from the review {@code scrum:review} last
 * wrote under {@code target/scrum/}: the gate's decision first, then each file's score, gaps and citations, the
 * unresolved files and why, and the prompt injections; what {@code target/scrum-report.html} shows, in the site's
 * skin. It calls no model and gates nothing: the {@code pmd:pmd} to {@code scrum:check}'s {@code pmd:check}. With no
 * review yet, the page says so and names the command to run; the site does not fail. Declared under
 * {@code <reporting>} for {@code mvn site}, or run alone: {@code mvn scrum:report} writes
 * {@code target/site/scrum-report.html}.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    /** The page's file name in the site, without {@code .html}. */
    static final String OUTPUT_NAME = "scrum-report";

    /** Leave the page out of the site (and write nothing when run alone). */
    @Parameter(property = "scrum.skip", defaultValue = "false")
    boolean skip;

    /**
     * Where {@code scrum:review} wrote its reports ({@code scrum:review}'s {@code outputDirectory}): the page reads
     * {@code scrum/summary.json} and the review files under it. A review moved with {@code <outputDirectory>} is
     * found with this set to the same directory (or {@code -Dscrum.outputDirectory}, which both goals read).
     */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File reviewDirectory;

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getName(Locale locale) {
        return "Scrum review";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The last scrum:review of the sources against the PRD and the change proposal: the gate's decision, "
                + "each file's alignment score, gaps and citations, the unresolved files and the prompt injections.";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    /**
     * Whether there is a page to write: not when skipped. Refuses a page directory where a review wrote its reports:
     * a plugin-wide {@code <outputDirectory>} (the review's) reaches this goal's own, and the page would overwrite
     * the review's {@code scrum-report.html}.
     */
    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skip) {
            getLog().info("Skipping the Scrum review page (scrum.skip=true)");
            return false;
        }
        Path pages = getReportOutputDirectory().toPath().toAbsolutePath().normalize();
        if (Files.isRegularFile(new ReportLayout(pages).summary())) {
            throw new MavenReportException("scrum:report would write its page over the review's own "
                    + ReportLayout.HTML + " in " + pages + ": its <outputDirectory> is where scrum:review wrote "
                    + "(a plugin-wide <configuration> gives it to every goal). Move <outputDirectory> into the review's "
                    + "<execution>, and point the page at the review with <reviewDirectory> (scrum.outputDirectory)");
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        ReportPageSink.render(page(), getSink());
    }

    /** The page of the review under {@link #reviewDirectory}, or one that says there is none and what to run. */
    ReportPage page() {
        // Maven hands a File parameter in resolved against the project's base directory
        Path json = new ReportLayout(reviewDirectory.toPath().toAbsolutePath().normalize()).jsonDirectory();
        Path summary = json.resolve(ReportLayout.SUMMARY);
        if (!Files.isRegularFile(summary)) {
            getLog().warn("No Scrum review to show: " + summary + " does not exist. The site's Scrum review page "
                    + "says to run mvn scrum:review first");
            return ReportPage.noReview("No Scrum review was written yet: " + summary + " does not exist");
        }
        RunReport run;
        try {
            run = JsonReportReader.read(json);
        } catch (IOException e) {
            getLog().warn("The review under " + json + " cannot be read: " + e.getMessage()
                    + ". The site's Scrum review page says so; run mvn scrum:review again to write it afresh");
            return ReportPage.noReview("The review under " + json + " cannot be read (" + e.getMessage() + ")");
        }
        getLog().info("Scrum review page from " + json + ": " + run.reviews().size() + " file(s), "
                + (run.gate() == null ? "no gate decision recorded" : run.gate().headline()));
        return ReportPage.of(run, ReportDocuments.read(run.documents()));
    }
}
