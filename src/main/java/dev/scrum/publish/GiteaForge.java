package dev.scrum.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Gitea or Forgejo pull request through the REST API v1: the diff from {@code pulls/{n}.diff} (a whole git diff),
 * the summary as an issue comment ({@code issues/{n}/comments}, updated with {@code PATCH issues/comments/{id}}),
 * each inline comment as a pull review of its own ({@code POST pulls/{n}/reviews} with {@code event: COMMENT} and
 * one comment with {@code path} and {@code new_position}), so that a refused line (422) refuses only that one.
 * Gitea's API can neither edit nor resolve a review comment, so a comment whose finding no longer holds is left as
 * it is (Gitea itself marks it outdated when its line changes).
 */
public final class GiteaForge implements Forge {

    private final ForgeTarget target;
    private final ForgeHttp http;
    private final PullRequestThread thread;

    public GiteaForge(ForgeTarget target, ApiKey token) {
        this(target, token, ForgeHttp.RetryPolicy.DEFAULT);
    }

    GiteaForge(ForgeTarget target, ApiKey token, ForgeHttp.RetryPolicy policy) {
        this.target = target;
        this.http = new ForgeHttp(Platform.GITEA, token, policy);
        this.thread = new PullRequestThread(http, target.apiUrl() + "/repos/" + target.repository(),
                target.number(), target.headSha());
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public ChangedLines changedLines() throws PublishException {
        URI uri = uri("/pulls/" + target.number() + ".diff");
        ForgeHttp.Answer answer = http.get(uri);
        if (!answer.ok()) {
            throw http.failed("GET", uri, answer);
        }
        return UnifiedDiff.ofGitDiff(answer.body());
    }

    @Override
    public List<PostedComment> postedComments() throws PublishException {
        List<PostedComment> posted = new ArrayList<>();
        for (JsonElement r : http.list(uri("/pulls/" + target.number() + "/reviews?limit=50"))) {
            String review = PullRequestThread.string(r.getAsJsonObject(), "id");
            for (JsonElement c : http.list(uri("/pulls/" + target.number() + "/reviews/" + review + "/comments"))) {
                String body = PullRequestThread.string(c.getAsJsonObject(), "body");
                Optional<String> fingerprint = CommentMarker.fingerprint(body);
                fingerprint.ifPresent(fp -> posted.add(new PostedComment(review, fp, false, body)));
            }
        }
        return posted;
    }

    @Override
    public boolean postInline(Remark remark) throws PublishException {
        JsonObject comment = new JsonObject();
        comment.addProperty("path", remark.path());
        comment.addProperty("body", remark.commentBody());
        comment.addProperty("new_position", remark.line());
        comment.addProperty("old_position", 0);
        JsonArray comments = new JsonArray();
        comments.add(comment);
        JsonObject review = new JsonObject();
        review.addProperty("commit_id", thread.headSha());
        review.addProperty("event", "COMMENT");
        review.addProperty("body", "");
        review.add("comments", comments);
        URI uri = uri("/pulls/" + target.number() + "/reviews");
        ForgeHttp.Answer answer = http.send("POST", uri, review.toString());
        if (answer.status() == 422 || answer.status() == 400) {
            return false;
        }
        if (!answer.ok()) {
            throw http.failed("POST", uri, answer);
        }
        return true;
    }

    /** Gitea's API cannot edit or resolve a review comment: nothing is done. */
    @Override
    public boolean markOutdated(PostedComment comment) {
        return false;
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
