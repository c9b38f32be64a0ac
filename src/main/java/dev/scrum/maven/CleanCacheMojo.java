package dev.scrum.maven;

import dev.scrum.cache.CachePruner;
import dev.scrum.cache.PruneResult;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Empties the review and embedding caches under {@code cacheDirectory}, or with {@code olderThanDays} removes only
 * the entries not used for that long: {@code mvn scrum:clean-cache}, in a project or anywhere else. Only files the
 * caches wrote are removed, never through a link; calls no model. {@code scrum:review} prunes the cache itself
 * at the end of each run ({@code cacheMaxAgeDays}, {@code cacheMaxMegabytes}); this goal is for emptying it.
 */
@Mojo(name = "clean-cache", requiresProject = false, aggregator = true, threadSafe = true)
public class CleanCacheMojo extends AbstractMojo {

    /** Do nothing, log one line. */
    @Parameter(property = "scrum.skip", defaultValue = "false")
    boolean skip;

    /** The cache directory, as {@code scrum:review}'s. */
    @Parameter(property = "scrum.cacheDirectory", defaultValue = "${user.home}/.m2/scrum-cache")
    File cacheDirectory;

    /** Remove only the entries not used for more than this many days; unset: every entry. */
    @Parameter(property = "scrum.olderThanDays")
    Integer olderThanDays;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping the cache cleaning (scrum.skip=true)");
            return;
        }
        if (olderThanDays != null && olderThanDays < 0) {
            throw new MojoExecutionException("<olderThanDays> (scrum.olderThanDays) is " + olderThanDays
                    + ": use 0 or more days, or leave it unset to remove every entry");
        }
        if (cacheDirectory == null) {
            throw new MojoExecutionException("<cacheDirectory> (scrum.cacheDirectory) is not set: point it at the "
                    + "cache to clean, e.g. ~/.m2/scrum-cache");
        }
        if (!Files.isDirectory(cacheDirectory.toPath())) {
            getLog().info("No cache at " + cacheDirectory + ": nothing to remove");
            return;
        }
        PruneResult cleaned = new CachePruner(getLog()::warn).clean(cacheDirectory.toPath(),
                olderThanDays == null ? null : Duration.ofDays(olderThanDays));
        getLog().info("Cleaned the review cache " + cacheDirectory
                + (olderThanDays == null ? "" : " of entries unused for over " + olderThanDays + " day(s)") + ": "
                + cleaned.describe());
    }
}
