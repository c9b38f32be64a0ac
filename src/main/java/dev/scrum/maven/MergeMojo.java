package dev.scrum.maven;

import dev.scrum.report.Baseline;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import dev.scrum.review.ConfigurationException;
import dev.scrum.review.ReviewResult;
import dev.scrum.review.ShardMerger;
import dev.scrum.review.ShardMerger.ShardRun;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Merges the {@code scrum/} directories of sharded reviews ({@code -Dscrum.shard=i/n}, one per CI runner) into
 * one {@code scrum-report.md} and {@code scrum/*.json}, as one unsharded review would have written them, then
 * gates as {@code scrum:review} does, with the same gate parameters. Calls no model.
 * Runs once per build, at the top-level project, even in a reactor.
 */
@Mojo(name = "merge", threadSafe = true, aggregator = true)
public class MergeMojo extends AbstractGatedMojo {

    /**
     * Directories searched, recursively, for shards: each directory holding a {@code summary.json} is one
     * (comma-separated in the property). Relative paths are resolved against the base directory.
     */
    @Parameter(property = "scrum.shardDirectories", defaultValue = "${project.build.directory}/scrum-shards")
    List<File> shardDirectories;

    /** Where the merged {@code scrum-report.md} and {@code scrum/} go. */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    public MergeMojo() {
        super("the merge");
    }

    @Override
    Optional<ReviewResult> run() throws MojoExecutionException {
        if (shardDirectories == null || shardDirectories.isEmpty()) {
            throw new MojoExecutionException("<shardDirectories> (scrum.shardDirectories) is empty: name the "
                    + "directories holding the shards' scrum/ directories, e.g. target/scrum-shards");
        }
        Baseline known = readBaseline();
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        Path out = base.resolve(outputDirectory.toPath()).normalize();
        List<Path> roots = shardDirectories.stream().map(f -> base.resolve(f.toPath()).normalize()).toList();
        getLog().info("Looking for shards in " + roots.stream().map(Path::toString).collect(Collectors.joining(", ")));
        ReviewResult result;
        try {
            List<ShardRun> shards = ShardMerger.read(ShardMerger.find(roots, new ReportLayout(out).jsonDirectory()));
            for (ShardRun s : shards) {
                RunReport r = s.run();
                getLog().info("Shard " + (r.shard() == null ? "(unsharded run)" : r.shard()) + ": "
                        + r.reviews().size() + " file(s), " + r.skipped().size() + " skipped, from " + s.directory());
            }
            result = ShardMerger.write(decided(known.mark(ShardMerger.merge(shards))), out, base,
                    stepSummary());
            getLog().info("Merged " + shards.size() + " shard(s): " + result.run().reviews().size() + " file(s)");
        } catch (ConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("Could not read a shard or write the merged report: " + e.getMessage(), e);
        }
        return Optional.of(result);
    }
}
