package dev.scrum.publish;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GitHub (or GitHub Enterprise) pull request through the REST API: the diff from {@code pulls/{n}/files} (each
 * file's {@code patch}), the summary as an issue comment ({@code issues/{n}/comments}, updated with
 * {@code PATCH issues/comments/{id}}), inline comments as pull-request review comments
 * ({@code POST pulls/{n}/comments} with {@code path}, {@code line}, {@code side: RIGHT} and {@code commit_id}). A
 * 422 on a review comment is a line GitHub will not take. GitHub's REST API cannot resolve a review thread, so a
 * comment whose finding no longer holds is edited to say it is outdated.
 */
public final class GitHubForge implements Forge {

    private final ForgeTarget target;
    private final ForgeHttp http;
    private final PullRequestThread thread;

    public GitHubForge(ForgeTarget target, ApiKey token) {
        this(target, token, ForgeHttp.RetryPolicy.DEFAULT);
    }

    GitHubForge(ForgeTarget target, ApiKey token, ForgeHttp.RetryPolicy policy) {
        this.target = target;
        this.http = new ForgeHttp(Platform.GITHUB, token, policy);
        this.thread = new PullRequestThread(http, target.apiUrl() + "/repos/" + target.repository(),
                target.number(), target.headSha());
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public ChangedLines changedLines() throws PublishException {
        Map<String, java.util.Set<Integer>> lines = new LinkedHashMap<>();
        for (JsonElement file : http.list(uri("/pulls/" + target.number() + "/files?per_page=100"))) {
            JsonObject f = file.getAsJsonObject();
            if ("removed".equals(PullRequestThread.string(f, "status"))) {
                continue;
            }
            lines.put(PullRequestThread.string(f, "filename"), UnifiedDiff.addedLines(PullRequestThread.string(f, "patch")));
        }
        return ChangedLines.of(lines);
    }

    @Override
    public List<PostedComment> postedComments() throws PublishException {
        List<PostedComment> posted = new ArrayList<>();
        for (JsonElement c : http.list(uri("/pulls/" + target.number() + "/comments?per_page=100"))) {
            JsonObject comment = c.getAsJsonObject();
            String body = PullRequestThread.string(comment, "body");
            Optional<String> fingerprint = CommentMarker.fingerprint(body);
            fingerprint.ifPresent(fp -> posted.add(new PostedComment(PullRequestThread.string(comment, "id"), fp,
                    CommentMarker.isOutdated(body), body)));
        }
        return posted;
    }

    @Override
    public boolean postInline(Remark remark) throws PublishException {
        JsonObject body = new JsonObject();
        body.addProperty("body", remark.commentBody());
        body.addProperty("commit_id", thread.headSha());
        body.addProperty("path", remark.path());
        body.addProperty("line", remark.line());
        body.addProperty("side", "RIGHT");
        URI uri = uri("/pulls/" + target.number() + "/comments");
        ForgeHttp.Answer answer = http.send("POST", uri, body.toString());
        if (answer.status() == 422) {
            return false;
        }
        if (!answer.ok()) {
            throw http.failed("POST", uri, answer);
        }
        return true;
    }

    @Override
    public boolean markOutdated(PostedComment comment) throws PublishException {
        JsonObject body = new JsonObject();
        body.addProperty("body", Outdated.body(comment.body()));
        http.call("PATCH", uri("/pulls/comments/" + comment.id()), body);
        return true;
    }

    @Override
    public boolean upsertSummary(String markdown) throws PublishException {
        return thread.upsertSummary(markdown);
    }

    private URI uri(String path) {
        return thread.uri(path);
    }

    @Override
    public void close() {
        http.close();
    }
}
