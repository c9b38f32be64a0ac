package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.report.FindingFixtures;
import dev.scrum.report.ReportContext;
import dev.scrum.report.ReportFormats;
import dev.scrum.report.ReportLayout;
import dev.scrum.testing.FakeGitHub;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

/** {@code scrum:publish} in a GitHub Actions pull-request job's environment, against an in-process GitHub. */
class PublishMojoTest {

    static final String TOKEN = "ghs_publishCANARY9876543210zyxwvutsrqponm";
    static final String HEAD = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    @TempDir
    Path tmp;
    FakeGitHub github;
    Map<String, String> env;
    List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        github = FakeGitHub.start("octo/shop", 7, HEAD)
                .file(FindingFixtures.ORDERS, "modified", "@@ -10,2 +10,4 @@\n a\n+b\n+c\n d\n");
        Files.createDirectories(tmp.resolve(".git"));
        Files.writeString(tmp.resolve("pom.xml"), "<project/>");
        ReportLayout layout = new ReportLayout(tmp.resolve("target"));
        ReportFormats.JSON.write(FindingFixtures.run(tmp), new ReportContext(layout, null, tmp, null),
                layout.summary());
        Files.writeString(tmp.resolve("event.json"), "{\"action\": \"synchronize\", \"number\": 7, \"pull_request\": "
                + "{\"number\": 7, \"state\": \"open\", \"head\": {\"ref\": \"feature\", \"sha\": \"" + HEAD + "\"}, "
                + "\"base\": {\"ref\": \"main\", \"sha\": \"9049f1265b7d61be4a8904a9a27120d2064dab3b\"}}}");
        env = new HashMap<>(Map.of("GITHUB_ACTIONS", "true", "GITHUB_API_URL", github.url().toString(),
                "GITHUB_REPOSITORY", "octo/shop", "GITHUB_EVENT_PATH", tmp.resolve("event.json").toString(),
                "GITHUB_TOKEN", TOKEN));
    }

    @AfterEach
    void tearDown() {
        github.close();
        log.forEach(line -> assertFalse(line.contains(TOKEN), "the token in the log: " + line));
    }

    PublishMojo mojo() {
        PublishMojo mojo = new PublishMojo();
        MavenProject project = new MavenProject();
        project.setFile(tmp.resolve("pom.xml").toFile());
        mojo.project = project;
        mojo.session = Mockito.mock(MavenSession.class);
        mojo.outputDirectory = tmp.resolve("target").toFile();
        mojo.environment = env;
        log = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                log.add("[INFO] " + content);
            }

            @Override
            public void warn(CharSequence content) {
                log.add("[WARNING] " + content);
            }
        });
        return mojo;
    }

    @Test
    void publishesFromTheActionsEnvironmentAndARerunUpdatesInPlace() throws Exception {
        mojo().execute();
        assertTrue(log.contains("[INFO] Posted the summary on GitHub pull request octo/shop#7; inline: 1 posted, 0 "
                + "already there, 0 refused by the platform (in the summary), 0 marked outdated; 6 finding(s) outside "
                + "the diff in the summary"), log.toString());
        assertEquals(List.of(12), github.reviewComments().stream().map(c -> c.get("line").getAsInt()).toList());
        mojo().execute();
        assertTrue(log.get(0).startsWith("[INFO] Updated the summary on GitHub pull request octo/shop#7; inline: 0 "
                + "posted, 1 already there"), log.toString());
        assertEquals(1, github.issueComments().size());
        assertEquals(1, github.reviewComments().size());
        assertTrue(github.issueComments().get(0).get("body").getAsString().contains("Full report: `target/scrum-report.md`"));
    }

    @Test
    void aDryRunSendsNothingAndLogsWhatWouldBePosted() throws Exception {
        PublishMojo mojo = mojo();
        mojo.dryRun = true;
        mojo.execute();
        assertTrue(github.requests().isEmpty(), github.requests().toString());
        assertTrue(log.contains("[INFO] <!-- scrum-maven-plugin:summary -->"), log.toString());
        assertTrue(log.contains("[INFO] Inline comment on " + FindingFixtures.ORDERS
                + ":12 (if the pull request changes that line):"), log.toString());
    }

    @Test
    void aRefusedTokenIsAWarningByDefaultAndLeavesTheReportsAsTheyWere() throws Exception {
        github.answerEverything(401, "token " + TOKEN);
        byte[] before = Files.readAllBytes(tmp.resolve("target/scrum/summary.json"));
        mojo().execute();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[WARNING] Could not publish the review: GitHub refused "
                + "the token from environment variable GITHUB_TOKEN (401 Unauthorized")), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[WARNING] Not failing the build (failOnPublishError=false)")));
        assertArrayEquals(before, Files.readAllBytes(tmp.resolve("target/scrum/summary.json")));
    }

    @Test
    void failOnPublishErrorFailsTheBuildWithoutTheToken() {
        github.answerEverything(403, TOKEN);
        PublishMojo mojo = mojo();
        mojo.failOnPublishError = true;
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(e.getMessage().contains("it needs pull-requests: write"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void configurationMistakesNameTheParameter() throws IOException {
        PublishMojo mojo = mojo();
        mojo.forge = new ForgeConfig();
        mojo.forge.platform = "bitbucket";
        assertTrue(assertThrows(MojoExecutionException.class, mojo::execute).getMessage()
                .startsWith("<forge><platform> is 'bitbucket': use github, gitlab or gitea"));
        mojo.forge = new ForgeConfig();
        mojo.forge.tokenEnv = "SCRUM_NO_SUCH_TOKEN";
        assertTrue(assertThrows(MojoExecutionException.class, mojo::execute).getMessage()
                .startsWith("<forge><tokenEnv> is 'SCRUM_NO_SUCH_TOKEN', but that environment variable is not set"));
        Files.delete(tmp.resolve("target/scrum/summary.json"));
        assertTrue(assertThrows(MojoExecutionException.class, mojo()::execute).getMessage()
                .startsWith("No review to publish: "));
        assertTrue(github.requests().isEmpty());
    }

    @Test
    void outsideAPullRequestJobItWarnsAndPasses() throws Exception {
        env.clear();
        mojo().execute();
        assertTrue(log.stream().anyMatch(l -> l.startsWith("[WARNING] Could not publish the review: No pull request "
                + "to publish to")), log.toString());
    }

    @Test
    void theProjectsDirectoryInTheRepositoryPrefixesItsPaths() throws IOException {
        Path module = Files.createDirectories(tmp.resolve("shop/orders"));
        assertEquals("shop/orders", PublishMojo.prefix(module));
        assertEquals("", PublishMojo.prefix(tmp));
    }
}
