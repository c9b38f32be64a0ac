package dev.scrum.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.scrum.llm.ApiKey;
import dev.scrum.report.FindingFixtures;
import dev.scrum.report.RunReport;
import dev.scrum.testing.FakeGitHub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link Publisher} over {@link GitHubForge} against an in-process GitHub answering as its REST docs show. */
class GitHubPublishTest {

    static final String ORDERS = FindingFixtures.ORDERS;
    static final String HEAD = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    static final String TOKEN = "ghs_canaryTOKEN0123456789abcdefghijklmnopq";
    /** Adds lines 10–14 and 44 of Orders.java (findings at 12 and 44), and changes README.md. */
    static final String ORDERS_PATCH = """
            @@ -9,3 +9,8 @@ public class Orders {
               void a() {}
            +  void b() {}
            +  void c() {}
            +  void refund() {}
            +  void d() {}
            +  void e() {}
               void f() {}
            @@ -40,2 +45,3 @@ public class Orders {
               int x;
            +  int refundDays = 40;
            """;

    FakeGitHub github;
    RunReport run;

    @BeforeEach
    void start() {
        github = FakeGitHub.start("octo/shop", 7, HEAD)
                .file(ORDERS, "modified", ORDERS_PATCH.replace("@@ -40,2 +45,3 @@", "@@ -40,2 +43,3 @@"))
                .file("README.md", "modified", "@@ -1 +1 @@\n-old\n+new\n")
                .file("src/main/java/shop/Removed.java", "removed", "@@ -1 +0,0 @@\n-class Removed {}\n");
        run = PlacementTest.run();
    }

    @AfterEach
    void stop() {
        github.close();
    }

    GitHubForge forge(ForgeHttp.RetryPolicy policy) {
        return new GitHubForge(new ForgeTarget(Platform.GITHUB, github.url(), "octo/shop", 7, HEAD, null),
                ApiKey.of(TOKEN, "environment variable GITHUB_TOKEN"), policy);
    }

    PublishOutcome publish() throws PublishException {
        try (GitHubForge forge = forge(new ForgeHttp.RetryPolicy(2, Duration.ofMillis(10), Duration.ofSeconds(5),
                Duration.ofSeconds(10)))) {
            return new Publisher(forge).publish(run, "", "target/scrum-report.md");
        }
    }

    @Test
    void theFirstRunPostsOneSummaryAndInlineCommentsOnChangedLinesOnly() throws PublishException {
        PublishOutcome outcome = publish();
        assertFalse(outcome.summaryUpdated());
        assertEquals(2, outcome.posted());
        assertEquals(1, github.issueComments().size());
        String summary = github.issueComments().get(0).get("body").getAsString();
        assertTrue(summary.startsWith(CommentMarker.SUMMARY), summary);
        assertTrue(summary.contains("`" + ORDERS + "`: 7/10"), summary);
        List<JsonObject> inline = github.reviewComments();
        assertEquals(List.of(ORDERS + ":12", ORDERS + ":44"), inline.stream()
                .map(c -> c.get("path").getAsString() + ":" + c.get("line").getAsInt()).toList());
        for (FakeGitHub.Request post : github.requests("POST", "/pulls/7/comments")) {
            assertEquals("RIGHT", post.body().get("side").getAsString());
            assertEquals(HEAD, post.body().get("commit_id").getAsString());
            assertEquals("Bearer " + TOKEN, post.authorization());
        }
    }

    @Test
    void anUnchangedReRunPostsNothingNewAndUpdatesTheSummaryInPlace() throws PublishException {
        publish();
        github.issueComment("octocat", "LGTM, but see the review");
        int before = github.requests().size();
        PublishOutcome second = publish();
        List<FakeGitHub.Request> rerun = github.requests().subList(before, github.requests().size());
        assertEquals(0, rerun.stream().filter(r -> r.method().equals("POST")).count(), "no new POST: " + rerun);
        assertEquals(1, rerun.stream().filter(r -> r.method().equals("PATCH")
                && r.path().startsWith("/repos/octo/shop/issues/comments/")).count());
        assertTrue(second.summaryUpdated());
        assertEquals(2, second.alreadyThere());
        assertEquals(0, second.posted());
        assertEquals(2, github.reviewComments().size());
        assertEquals(2, github.issueComments().size(), "the summary and the person's comment");
    }

    @Test
    void listsAreFollowedPageByPageThroughTheLinkHeader() throws PublishException {
        publish();
        for (int i = 0; i < 4; i++) {
            github.issueComment("octocat", "comment " + i);
        }
        github.pageSize(2);
        PublishOutcome second = publish();
        assertTrue(second.summaryUpdated(), "the summary is found on a later page");
        assertEquals(0, second.posted());
        assertTrue(github.requests().stream().anyMatch(r -> r.path().contains("page=2")));
    }

    @Test
    void aLineGitHubRefusesWith422GoesIntoTheSummary() throws PublishException {
        github.refuse(ORDERS, 44);
        PublishOutcome outcome = publish();
        assertEquals(1, outcome.posted());
        assertEquals(List.of(ORDERS + ":44"), outcome.refused().stream().map(Remark::location).toList());
        String summary = github.issueComments().get(0).get("body").getAsString();
        assertTrue(summary.contains("### Findings the platform did not take inline (1)\n\n- `" + ORDERS + ":44`"),
                summary);
    }

    @Test
    void aFindingThatNoLongerHoldsIsMarkedOutdated() throws PublishException {
        publish();
        run = FindingFixtures.run(java.nio.file.Path.of("/project"),
                List.of(FindingFixtures.ordersFindings().get(0)));
        PublishOutcome second = publish();
        assertEquals(1, second.outdated());
        String gone = github.reviewComments().get(1).get("body").getAsString();
        assertTrue(gone.startsWith("**Outdated:**"), gone);
        assertTrue(CommentMarker.isOutdated(gone));
        assertEquals(0, publish().outdated(), "marked once");
    }

    @Test
    void a429IsRetriedAfterItsRetryAfter() throws PublishException {
        github.rateLimit(1, 1);
        long start = System.nanoTime();
        PublishOutcome outcome = publish();
        long waited = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertEquals(2, outcome.posted());
        assertTrue(waited >= 1000, "waited " + waited + " ms for Retry-After: 1");
        assertEquals(1, github.issueComments().size());
    }

    @Test
    void aSecondaryRateLimitA403WithRetryAfterIsRetried() throws PublishException {
        github.fail(1, "POST", 403, "You have exceeded a secondary rate limit", java.util.Map.of("Retry-After", "1"));
        PublishOutcome outcome = publish();
        assertEquals(2, outcome.posted());
        assertEquals(3, github.requests("POST", "/pulls/7/comments").size(), "the refused POST and two that went in");
    }

    @Test
    void a502OnAPostIsNotRetriedSoNoCommentIsMadeTwice() {
        github.fail(1, "POST", 502, "Server Error", java.util.Map.of());
        PublishException e = assertThrows(PublishException.class, this::publish);
        assertEquals(502, e.status());
        assertEquals(1, github.requests("POST", "/pulls/7/comments").size());
        assertTrue(github.reviewComments().isEmpty());
    }

    @Test
    void a502OnAReadIsRetried() throws PublishException {
        github.fail(1, "GET", 502, "Server Error", java.util.Map.of());
        assertEquals(2, publish().posted());
        assertEquals(2, github.requests("GET", "/pulls/7/files").size());
    }

    @Test
    void aRateLimitPastTheRetriesFailsNamingIt() {
        github.rateLimit(10, 1);
        PublishException e = assertThrows(PublishException.class, this::publish);
        assertEquals(PublishException.Kind.RATE_LIMITED, e.kind());
        assertTrue(e.getMessage().contains("rate-limited GET http://127.0.0.1:"), e.getMessage());
    }

    @Test
    void a401NamesTheTokensSourceAndThePermissionAndNeverTheToken() {
        github.answerEverything(401, "(echoing Bearer " + TOKEN + ")");
        PublishException e = assertThrows(PublishException.class, this::publish);
        assertEquals(PublishException.Kind.AUTHENTICATION, e.kind());
        assertTrue(e.getMessage().startsWith("GitHub refused the token from environment variable GITHUB_TOKEN "
                + "(401 Unauthorized on GET http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("pull-requests: write"), e.getMessage());
        assertTrue(e.getMessage().contains("Bad credentials"), e.getMessage());
        assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }

    @Test
    void a403NamesThePermissionTheWorkflowMustGrant() {
        github.answerEverything(403, null);
        PublishException e = assertThrows(PublishException.class, this::publish);
        assertTrue(e.getMessage().contains("(in GitHub Actions: permissions: pull-requests: write)"), e.getMessage());
    }

    @Test
    void a404SaysWhatToCheck() {
        PublishException e = assertThrows(PublishException.class, () -> {
            try (GitHubForge forge = new GitHubForge(new ForgeTarget(Platform.GITHUB, github.url(), "octo/nope", 7,
                    HEAD, null), ApiKey.of(TOKEN, "environment variable GITHUB_TOKEN"))) {
                new Publisher(forge).publish(run, "", "r.md");
            }
        });
        assertEquals(PublishException.Kind.NOT_FOUND, e.kind());
        assertTrue(e.getMessage().contains("check <forge><repository> and <forge><number>"), e.getMessage());
    }

    @Test
    void withoutTheHeadCommitItIsReadFromThePullRequest() throws PublishException {
        try (GitHubForge forge = new GitHubForge(new ForgeTarget(Platform.GITHUB, github.url(), "octo/shop", 7, null,
                null), ApiKey.of(TOKEN, "environment variable GITHUB_TOKEN"))) {
            new Publisher(forge).publish(run, "", "r.md");
        }
        assertEquals(1, github.requests("GET", "/pulls/7").size());
        assertEquals(HEAD, github.reviewComments().get(0).get("commit_id").getAsString());
    }
}
