package dev.scrum.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.llm.ApiKey;
import dev.scrum.report.FindingFixtures;
import dev.scrum.report.RunReport;
import dev.scrum.testing.FakeGitea;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Publisher} over {@link GiteaForge} against an in-process Gitea answering as its API documentation shows. */
class GiteaPublishTest {

    static final String ORDERS = FindingFixtures.ORDERS;
    static final String HEAD = "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678";
    static final String DIFF = "diff --git a/" + ORDERS + " b/" + ORDERS + "\nindex 1111111..2222222 100644\n--- a/"
            + ORDERS + "\n+++ b/" + ORDERS + "\n"
            + GitHubPublishTest.ORDERS_PATCH.replace("@@ -40,2 +45,3 @@", "@@ -40,2 +43,3 @@");

    FakeGitea gitea;
    RunReport run;

    @BeforeEach
    void start() {
        gitea = FakeGitea.start("octo/shop", 5, HEAD, DIFF, Map.of(ORDERS, Set.of(10, 11, 12, 13, 14, 44)));
        run = PlacementTest.run();
    }

    @AfterEach
    void stop() {
        gitea.close();
    }

    PublishOutcome publish() throws PublishException {
        ForgeTarget target = new ForgeTarget(Platform.GITEA, gitea.url(), "octo/shop", 5, null, null);
        try (GiteaForge forge = new GiteaForge(target, ApiKey.of("gitea-canary-0123456789abcdef", "environment "
                + "variable GITEA_TOKEN"), new ForgeHttp.RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(2),
                Duration.ofSeconds(10)))) {
            return new Publisher(forge).publish(run, "", "target/scrum-report.md");
        }
    }

    @Test
    void anIssueCommentForTheSummaryAndAReviewCommentOnEachChangedLine() throws PublishException {
        PublishOutcome outcome = publish();
        assertEquals(2, outcome.posted());
        assertEquals(1, gitea.issueComments().size());
        assertTrue(gitea.issueComments().get(0).get("body").getAsString().startsWith(CommentMarker.SUMMARY));
        assertEquals(List.of(ORDERS + ":12", ORDERS + ":44"), gitea.reviewComments().stream()
                .map(c -> c.get("path").getAsString() + ":" + c.get("position").getAsInt()).toList());
        assertTrue(gitea.requests().stream().allMatch(r -> r.authorization().startsWith("token ")));
    }

    @Test
    void anUnchangedReRunPostsNothingAndPatchesTheSummary() throws PublishException {
        publish();
        int before = gitea.requests().size();
        PublishOutcome second = publish();
        List<FakeGitea.Request> rerun = gitea.requests().subList(before, gitea.requests().size());
        assertEquals(0, rerun.stream().filter(r -> r.method().equals("POST")).count(), rerun.toString());
        assertEquals(1, rerun.stream().filter(r -> r.method().equals("PATCH")).count());
        assertTrue(second.summaryUpdated());
        assertEquals(2, second.alreadyThere());
        assertEquals(1, gitea.issueComments().size());
        assertEquals(2, gitea.reviewComments().size());
    }

    @Test
    void aFindingThatNoLongerHoldsIsLeftAsGiteaCannotMarkIt() throws PublishException {
        publish();
        run = FindingFixtures.run(java.nio.file.Path.of("/project"), List.of(FindingFixtures.ordersFindings().get(0)));
        assertEquals(0, publish().outdated());
        assertEquals(2, gitea.reviewComments().size());
    }
}
