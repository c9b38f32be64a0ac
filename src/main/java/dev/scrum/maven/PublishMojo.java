package dev.scrum.maven;

import dev.scrum.llm.ApiKey;
import dev.scrum.publish.ForgeTarget;
import dev.scrum.publish.Forge;
import dev.scrum.publish.GitHubForge;
import dev.scrum.publish.GitLabForge;
import dev.scrum.publish.GiteaForge;
import dev.scrum.publish.Platform;
import dev.scrum.publish.PublishException;
import dev.scrum.publish.PublishOutcome;
import dev.scrum.publish.Publisher;
import dev.scrum.publish.Remark;
import dev.scrum.redact.SecretRedactor;
import dev.scrum.report.JsonReportReader;
import dev.scrum.report.ReportLayout;
import dev.scrum.report.RunReport;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Puts the review already written under {@code target/scrum/} on its pull or merge request, calling no model: one
 * summary comment kept up to date in place, and an inline comment on each finding whose line the pull request
 * changes ({@link Publisher}). The platform and the pull request come from the CI's standard environment or from
 * {@code <forge>}. A publish failure is logged and, unless {@code failOnPublishError}, does not fail the build; it
 * never touches the report files.
 */
@Mojo(name = "publish", threadSafe = true)
public class PublishMojo extends AbstractMojo {

    /** Do nothing, log one line. */
    @Parameter(property = "scrum.publish.skip", defaultValue = "false")
    boolean skip;

    /** Log what would be posted, and send no request. */
    @Parameter(property = "scrum.publish.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Fail the build when publishing fails (the platform refused the token, is unreachable ...); else a warning. */
    @Parameter(property = "scrum.failOnPublishError", defaultValue = "false")
    boolean failOnPublishError;

    /** Where the pull request is and where the token comes from, when the CI's environment does not say. */
    @Parameter
    ForgeConfig forge;

    /** Where the review's {@code scrum-report.md} and {@code scrum/} are, as {@code scrum:review} wrote them. */
    @Parameter(property = "scrum.outputDirectory", defaultValue = "${project.build.directory}")
    File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    MavenSession session;

    @Component
    SettingsDecrypter settingsDecrypter;

    /** The process environment (the CI's variables, the token); tests hand in their own. */
    Map<String, String> environment = System.getenv();

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("Skipping scrum:publish (scrum.publish.skip=true)");
            return;
        }
        HttpWireLogs.quiet();
        ForgeConfig config = forge == null ? new ForgeConfig() : forge;
        Path base = project.getBasedir().toPath().toAbsolutePath().normalize();
        ReportLayout layout = new ReportLayout(base.resolve(outputDirectory.toPath()).normalize());
        RunReport run = readReview(layout);
        if (config.platform != null && Platform.of(config.platform) == null) {
            throw new MojoExecutionException("<forge><platform> is '" + config.platform
                    + "': use github, gitlab or gitea (forgejo also means gitea), or leave it out to detect the CI's");
        }
        String prefix = config.pathPrefix != null ? config.pathPrefix.replaceAll("^/+|/+$", "") : prefix(base);
        String report = report(base, layout, prefix);
        if (dryRun) {
            getLog().info("scrum.publish.dryRun: nothing is sent; this is what would be posted");
            SecretRedactor redactor = SecretRedactor.standard();
            Publisher.preview(run, prefix, report).forEach(line -> getLog().info(redactor.mask(line)));
            return;
        }
        try {
            ForgeTarget target = ForgeTarget.resolve(new ForgeTarget.Configured(config.platform, config.url,
                    config.repository, config.number), environment, base);
            ApiKey token = token(config, target.platform());
            PublishOutcome outcome;
            try (Forge forge = forgeFor(target, token)) {
                outcome = new Publisher(forge).publish(run, prefix, report);
            }
            getLog().info(outcome.describe());
            for (Remark refused : outcome.refused()) {
                getLog().warn(target.platform().title() + " did not take the inline comment on " + refused.location()
                        + ": it is in the summary instead");
            }
        } catch (PublishException e) {
            String message = "Could not publish the review: " + SecretRedactor.standard().mask(e.getMessage());
            if (failOnPublishError) {
                throw new MojoExecutionException(message + " (failOnPublishError=true). The reports under "
                        + layout.outputDirectory() + " are as the review wrote them.", e);
            }
            getLog().warn(message);
            getLog().warn("Not failing the build (failOnPublishError=false); the reports under "
                    + layout.outputDirectory() + " are as the review wrote them.");
        }
    }

    private static Forge forgeFor(ForgeTarget target, ApiKey token) {
        return switch (target.platform()) {
            case GITHUB -> new GitHubForge(target, token);
            case GITLAB -> new GitLabForge(target, token);
            case GITEA -> new GiteaForge(target, token);
        };
    }

    private RunReport readReview(ReportLayout layout) throws MojoExecutionException {
        Path json = layout.jsonDirectory();
        if (!Files.isRegularFile(json.resolve(ReportLayout.SUMMARY))) {
            throw new MojoExecutionException("No review to publish: " + json.resolve(ReportLayout.SUMMARY)
                    + " does not exist. Run mvn scrum:review first (in the same build: mvn scrum:review scrum:publish),"
                    + " or point <outputDirectory> (scrum.outputDirectory) at the directory it wrote to");
        }
        try {
            return JsonReportReader.read(json);
        } catch (IOException e) {
            throw new MojoExecutionException("The review under " + json + " cannot be read: " + e.getMessage()
                    + ". Run mvn scrum:review again to write it afresh", e);
        }
    }

    /**
     * The token: {@code <forge><serverId>}'s password, else {@code <forge><tokenEnv>}, else the platform's default
     * variable.
     *
     * @throws MojoExecutionException naming the parameter, when a configured source yields no token
     * @throws PublishException when the default variable is not set (a fork's pull request has no token)
     */
    private ApiKey token(ForgeConfig config, Platform platform) throws MojoExecutionException, PublishException {
        Credentials credentials = new MavenCredentials(session.getSettings(), settingsDecrypter, environment);
        if (config.serverId != null) {
            Optional<String> password = credentials.serverPassword(config.serverId);
            if (password.isEmpty()) {
                throw new MojoExecutionException("<forge><serverId> is '" + config.serverId + "', but settings.xml "
                        + "has no <server> with that id and a password: add one whose password is the token, or "
                        + "use <forge><tokenEnv>");
            }
            return ApiKey.of(password.get(), "settings.xml server " + config.serverId);
        }
        if (config.tokenEnv != null) {
            Optional<String> value = credentials.environment(config.tokenEnv);
            if (value.isEmpty()) {
                throw new MojoExecutionException("<forge><tokenEnv> is '" + config.tokenEnv + "', but that "
                        + "environment variable is not set: set it to the token (in CI, from a secret)");
            }
            return ApiKey.of(value.get(), "environment variable " + config.tokenEnv);
        }
        for (String name : platform == Platform.GITEA ? new String[] {"GITEA_TOKEN", "GITHUB_TOKEN"}
                : new String[] {platform.tokenEnv()}) {
            Optional<String> value = credentials.environment(name);
            if (value.isPresent()) {
                return ApiKey.of(value.get(), "environment variable " + name);
            }
        }
        throw new PublishException(PublishException.Kind.CONFIGURATION, 0, "no token: " + platform.tokenEnv()
                + " is not set. Pass it to the job (GitHub Actions: env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}), "
                + "or configure <forge><tokenEnv> or <forge><serverId>");
    }

    /** The project's directory from the repository's root: where {@code .git} is, above or at the project. */
    static String prefix(Path base) {
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                return dir.relativize(base).toString().replace('\\', '/');
            }
        }
        return "";
    }

    /** The full report for a reader: its path from the repository's root, and the CI run that has it. */
    private String report(Path base, ReportLayout layout, String prefix) {
        String path = base.relativize(layout.markdown()).toString().replace('\\', '/');
        String fromRoot = prefix.isEmpty() ? path : prefix + "/" + path;
        String server = environment.get("GITHUB_SERVER_URL");
        String runId = environment.get("GITHUB_RUN_ID");
        String repository = environment.get("GITHUB_REPOSITORY");
        return server != null && runId != null && repository != null
                ? fromRoot + " (in the artifacts of " + server + "/" + repository + "/actions/runs/" + runId + ")"
                : fromRoot;
    }
}
