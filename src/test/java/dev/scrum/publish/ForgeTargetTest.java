package dev.scrum.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForgeTargetTest {

    static final ForgeTarget.Configured NOTHING = new ForgeTarget.Configured(null, null, null, null);

    @TempDir
    Path tmp;

    @Test
    void gitHubActionsPullRequestEvent() throws Exception {
        Files.writeString(tmp.resolve("event.json"), "{\"pull_request\": {\"number\": 42, \"head\": {\"sha\": \"abc\"},"
                + " \"base\": {\"sha\": \"def\"}}}");
        ForgeTarget t = ForgeTarget.resolve(NOTHING, Map.of("GITHUB_REPOSITORY", "octo/shop", "GITHUB_EVENT_PATH",
                "event.json", "GITHUB_API_URL", "https://ghe.example/api/v3/"), tmp);
        assertEquals(new ForgeTarget(Platform.GITHUB, java.net.URI.create("https://ghe.example/api/v3"), "octo/shop",
                42, "abc", "def"), t);
        assertEquals("GitHub pull request octo/shop#42", t.describe());
    }

    @Test
    void theConfiguredValuesWinAndGitHubsApiIsTheDefault() throws Exception {
        ForgeTarget t = ForgeTarget.resolve(new ForgeTarget.Configured("github", null, "o/r", 3),
                Map.of("GITHUB_REPOSITORY", "octo/shop", "GITHUB_REF", "refs/pull/9/merge"), tmp);
        assertEquals("https://api.github.com", t.apiUrl().toString());
        assertEquals("o/r", t.repository());
        assertEquals(3, t.number());
        assertEquals(9, ForgeTarget.resolve(NOTHING, Map.of("GITHUB_REPOSITORY", "octo/shop", "GITHUB_REF",
                "refs/pull/9/merge"), tmp).number());
    }

    @Test
    void aPushEventHasNoPullRequestToPublishTo() throws IOException {
        Files.writeString(tmp.resolve("push.json"), "{\"ref\": \"refs/heads/main\"}");
        PublishException e = assertThrows(PublishException.class, () -> ForgeTarget.resolve(NOTHING,
                Map.of("GITHUB_REPOSITORY", "octo/shop", "GITHUB_EVENT_PATH", "push.json"), tmp));
        assertTrue(e.getMessage().startsWith("No pull request number"), e.getMessage());
    }

    @Test
    void gitLabMergeRequestPipeline() throws Exception {
        ForgeTarget t = ForgeTarget.resolve(NOTHING, Map.of("GITLAB_CI", "true", "CI_API_V4_URL",
                "https://gitlab.example/api/v4", "CI_PROJECT_ID", "278964", "CI_MERGE_REQUEST_IID", "12",
                "CI_COMMIT_SHA", "head1", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "base1"), tmp);
        assertEquals(new ForgeTarget(Platform.GITLAB, java.net.URI.create("https://gitlab.example/api/v4"), "278964",
                12, "head1", "base1"), t);
        assertEquals("GitLab merge request 278964!12", t.describe());
    }

    @Test
    void giteaAndForgejoActionsSetGitHubsVariablesAndTheirOwnFlag() throws Exception {
        Files.writeString(tmp.resolve("event.json"), "{\"pull_request\": {\"number\": 5}}");
        ForgeTarget t = ForgeTarget.resolve(NOTHING, Map.of("FORGEJO_ACTIONS", "true", "GITHUB_REPOSITORY", "o/r",
                "GITHUB_EVENT_PATH", "event.json", "GITHUB_API_URL", "https://codeberg.example/api/v1"), tmp);
        assertEquals(Platform.GITEA, t.platform());
        assertEquals(5, t.number());
    }

    @Test
    void anUnknownPlatformOrABadUrlIsNamed() {
        assertTrue(assertThrows(PublishException.class, () -> ForgeTarget.resolve(new ForgeTarget.Configured(
                "gitea", null, "o/r", 1), Map.of(), tmp)).getMessage().startsWith("No API URL for Gitea/Forgejo"));
        assertTrue(assertThrows(PublishException.class, () -> ForgeTarget.resolve(new ForgeTarget.Configured(
                "github", "ftp://x", "o/r", 1), Map.of(), tmp)).getMessage().contains("is no http(s) URL"));
    }
}
