package dev.scrum.maven;

import dev.scrum.report.Baseline;
import dev.scrum.report.ReportLayout;
import dev.scrum.review.ConfigurationException;
import dev.scrum.review.ReactorAggregator;
import dev.scrum.review.ReactorAggregator.ModuleRun;
import dev.scrum.review.ReviewResult;
import dev.scrum.review.ShardMerger;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes one report, JSON and SARIF for a whole reactor at its root, from what each module's
 * {@code scrum:review} wrote, and makes the one gate decision for the reactor (the modules' reviews leave the
 * gate to it), {@code failOnGaps} included: a {@code baseline} here holds the reactor's paths ({@code
 * core/src/…}), as {@code mvn -N scrum:baseline -Dscrum.outputDirectory=target/scrum-aggregate} writes it from
 * this goal's report. Run it after the modules' reviews: {@code mvn verify scrum:aggregate}. Calls no model.
 */
@Mojo(name = "aggregate", threadSafe = true, aggregator = true)
public class AggregateMojo extends AbstractGatedMojo {

    /** Where the reactor's {@code scrum-report.md} and {@code scrum/} go. */
    @Parameter(property = "scrum.aggregateDirectory", defaultValue = "${project.build.directory}/scrum-aggregate")
    File aggregateDirectory;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    public AggregateMojo() {
        super("the aggregate");
    }

    @Override
    Optional<ReviewResult> run() throws MojoExecutionException {
        Baseline known = readBaseline();
        Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
        List<ModuleRun> modules = new ArrayList<>();
        ReviewResult result;
        try {
            for (MavenProject module : session.getProjects()) {
                Path dir = module.getBasedir().toPath().toAbsolutePath().normalize();
                String path = root.relativize(dir).toString().replace(File.separatorChar, '/');
                Optional<ModuleRun> run = ReactorAggregator.read(path,
                        new ReportLayout(Path.of(module.getBuild().getDirectory())).jsonDirectory());
                if (run.isPresent()) {
                    modules.add(run.get());
                    getLog().info("Module " + (path.isEmpty() ? "(root)" : path) + ": "
                            + run.get().run().reviews().size() + " file(s)");
                } else {
                    getLog().debug("Module " + path + " wrote no review");
                }
            }
            result = ShardMerger.write(decided(known.mark(ReactorAggregator.aggregate(modules))),
                    root.resolve(aggregateDirectory.toPath()), root, stepSummary());
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read a module's review or write the reactor's report: "
                    + e.getMessage(), e);
        }
        return Optional.of(result);
    }
}
