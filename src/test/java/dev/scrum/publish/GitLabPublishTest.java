package dev.scrum.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.scrum.llm.ApiKey;
import dev.scrum.report.FindingFixtures;
import dev.scrum.report.RunReport;
import dev.scrum.testing.FakeGitLab;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Publisher} over {@link GitLabForge} against an in-process GitLab answering as its REST docs show. */
class GitLabPublishTest {

    static final String ORDERS = FindingFixtures.ORDERS;
    static final String TOKEN = "glpat-canaryTOKEN0123456789ab";

    FakeGitLab gitlab;
    RunReport run;

    @BeforeEach
    void start() {
        gitlab = FakeGitLab.start("278964", 12)
                .diff(ORDERS, GitHubPublishTest.ORDERS_PATCH.replace("@@ -40,2 +45,3 @@", "@@ -40,2 +43,3 @@"),
                        Set.of(10, 11, 12, 13, 14, 44));
        run = PlacementTest.run();
    }

    @AfterEach
    void stop() {
        gitlab.close();
    }

    PublishOutcome publish() throws PublishException {
        ForgeTarget target = new ForgeTarget(Platform.GITLAB, gitlab.url(), "278964", 12, null, null);
        try (GitLabForge forge = new GitLabForge(target, ApiKey.of(TOKEN, "environment variable GITLAB_TOKEN"),
                new ForgeHttp.RetryPolicy(1, Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(10)))) {
            return new Publisher(forge).publish(run, "", "target/scrum-report.md");
        }
    }

    @Test
    void aNoteForTheSummaryAndDiscussionsWithAPositionOnTheChangedLines() throws PublishException {
        PublishOutcome outcome = publish();
        assertEquals(2, outcome.posted());
        assertEquals(1, gitlab.notes().size());
        assertTrue(gitlab.notes().get(0).get("body").getAsString().startsWith(CommentMarker.SUMMARY));
        List<JsonObject> positions = gitlab.discussions().stream()
                .map(d -> d.getAsJsonArray("notes").get(0).getAsJsonObject().getAsJsonObject("position")).toList();
        assertEquals(List.of(12, 44), positions.stream().map(p -> p.get("new_line").getAsInt()).toList());
        JsonObject first = positions.get(0);
        assertEquals(ORDERS, first.get("new_path").getAsString());
        assertEquals("eeb57dffe83deb686a60a71c16c32f71046868fd", first.get("base_sha").getAsString());
        assertEquals("eeb57dffe83deb686a60a71c16c32f71046868fd", first.get("start_sha").getAsString());
        assertEquals("33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30", first.get("head_sha").getAsString());
        assertTrue(gitlab.requests().stream().allMatch(r -> TOKEN.equals(r.token())), "PRIVATE-TOKEN on every call");
    }

    @Test
    void anUnchangedReRunPostsNothingAndPutsTheSummaryInPlace() throws PublishException {
        publish();
        int before = gitlab.requests().size();
        PublishOutcome second = publish();
        List<FakeGitLab.Request> rerun = gitlab.requests().subList(before, gitlab.requests().size());
        assertEquals(0, rerun.stream().filter(r -> r.method().equals("POST")).count(), rerun.toString());
        assertEquals(1, rerun.stream().filter(r -> r.method().equals("PUT") && r.path().contains("/notes/")).count());
        assertTrue(second.summaryUpdated());
        assertEquals(2, second.alreadyThere());
        assertEquals(1, gitlab.notes().size());
        assertEquals(2, gitlab.discussions().size());
    }

    @Test
    void aPositionGitLabRefusesWith400GoesIntoTheSummary() throws PublishException {
        gitlab.refuse(ORDERS, 12);
        PublishOutcome outcome = publish();
        assertEquals(List.of(ORDERS + ":12"), outcome.refused().stream().map(Remark::location).toList());
        assertTrue(gitlab.notes().get(0).get("body").getAsString()
                .contains("### Findings the platform did not take inline (1)\n\n- `" + ORDERS + ":12`"));
    }

    @Test
    void aDiscussionWhoseFindingNoLongerHoldsIsResolved() throws PublishException {
        publish();
        run = FindingFixtures.run(Path.of("/project"), List.of(FindingFixtures.ordersFindings().get(0)));
        assertEquals(1, publish().outdated());
        JsonObject gone = gitlab.discussions().get(1).getAsJsonArray("notes").get(0).getAsJsonObject();
        assertTrue(gone.get("resolved").getAsBoolean());
        assertFalse(gitlab.discussions().get(0).getAsJsonArray("notes").get(0).getAsJsonObject()
                .get("resolved").getAsBoolean());
        assertEquals(0, publish().outdated(), "resolved once");
    }
}
