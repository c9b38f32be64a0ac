package dev.scrum.publish;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A GitLab merge request through the REST API v4: the diff from {@code merge_requests/:iid/diffs} (each file's
 * {@code diff}), the summary as a merge-request note ({@code notes}, updated with {@code PUT notes/:id}), inline
 * comments as discussions with a text {@code position} ({@code base_sha}, {@code start_sha}, {@code head_sha} of
 * the merge request's latest version, {@code new_path}, {@code new_line}). A 400 on a discussion is a position
 * GitLab will not take. A discussion whose finding no longer holds is resolved.
 */
public final class GitLabForge implements Forge {

    private final ForgeTarget target;
    private final ForgeHttp http;
    private final String mergeRequest;
    private final Map<String, String> oldPaths = new LinkedHashMap<>();
    private JsonObject version;

    public GitLabForge(ForgeTarget target, ApiKey token) {
        this(target, token, ForgeHttp.RetryPolicy.DEFAULT);
    }

    GitLabForge(ForgeTarget target, ApiKey token, ForgeHttp.RetryPolicy policy) {
        this.target = target;
        this.http = new ForgeHttp(Platform.GITLAB, token, policy);
        this.mergeRequest = target.apiUrl() + "/projects/" + URLEncoder.encode(target.repository(),
                StandardCharsets.UTF_8) + "/merge_requests/" + target.number();
    }

    @Override
    public String describe() {
        return target.describe();
    }

    @Override
    public ChangedLines changedLines() throws PublishException {
        Map<String, Set<Integer>> lines = new LinkedHashMap<>();
        for (JsonElement d : http.list(uri("/diffs?per_page=100"))) {
            JsonObject diff = d.getAsJsonObject();
            if (diff.has("deleted_file") && diff.get("deleted_file").getAsBoolean()) {
                continue;
            }
            String path = PullRequestThread.string(diff, "new_path");
            oldPaths.put(path, PullRequestThread.string(diff, "old_path"));
            lines.put(path, UnifiedDiff.addedLines(PullRequestThread.string(diff, "diff")));
        }
        return ChangedLines.of(lines);
    }

    @Override
    public List<PostedComment> postedComments() throws PublishException {
        List<PostedComment> posted = new ArrayList<>();
        for (JsonElement d : http.list(uri("/discussions?per_page=100"))) {
            JsonObject discussion = d.getAsJsonObject();
            if (!discussion.has("notes") || discussion.getAsJsonArray("notes").isEmpty()) {
                continue;
            }
            JsonObject note = discussion.getAsJsonArray("notes").get(0).getAsJsonObject();
            String body = PullRequestThread.string(note, "body");
            Optional<String> fingerprint = CommentMarker.fingerprint(body);
            boolean resolved = note.has("resolved") && !note.get("resolved").isJsonNull()
                    && note.get("resolved").getAsBoolean();
            fingerprint.ifPresent(fp -> posted.add(new PostedComment(PullRequestThread.string(discussion, "id"), fp,
                    resolved, body)));
        }
        return posted;
    }

    @Override
    public boolean postInline(Remark remark) throws PublishException {
        JsonObject v = version();
        JsonObject position = new JsonObject();
        position.addProperty("position_type", "text");
        position.addProperty("base_sha", PullRequestThread.string(v, "base_commit_sha"));
        position.addProperty("start_sha", PullRequestThread.string(v, "start_commit_sha"));
        position.addProperty("head_sha", PullRequestThread.string(v, "head_commit_sha"));
        position.addProperty("old_path", oldPaths.getOrDefault(remark.path(), remark.path()));
        position.addProperty("new_path", remark.path());
        position.addProperty("new_line", remark.line());
        JsonObject body = new JsonObject();
        body.addProperty("body", remark.commentBody());
        body.add("position", position);
        URI uri = uri("/discussions");
        ForgeHttp.Answer answer = http.send("POST", uri, body.toString());
        if (answer.status() == 400 || answer.status() == 422) {
            return false;
        }
        if (!answer.ok()) {
            throw http.failed("POST", uri, answer);
        }
        return true;
    }

    @Override
    public boolean markOutdated(PostedComment comment) throws PublishException {
        http.call("PUT", uri("/discussions/" + comment.id() + "?resolved=true"), new JsonObject());
        return true;
    }

    @Override
    public boolean upsertSummary(String markdown) throws PublishException {
        JsonObject body = new JsonObject();
        body.addProperty("body", markdown);
        for (JsonElement n : http.list(uri("/notes?per_page=100"))) {
            JsonObject note = n.getAsJsonObject();
            if (CommentMarker.isSummary(PullRequestThread.string(note, "body"))) {
                http.call("PUT", uri("/notes/" + PullRequestThread.string(note, "id")), body);
                return true;
            }
        }
        http.call("POST", uri("/notes"), body);
        return false;
    }

    /** The merge request's latest diff version: the commits a position names. */
    private JsonObject version() throws PublishException {
        if (version == null) {
            List<JsonElement> versions = http.list(uri("/versions"));
            if (versions.isEmpty()) {
                throw new PublishException(PublishException.Kind.UNEXPECTED, 200, "GET " + ForgeHttp.shown(
                        uri("/versions")) + " lists no diff version of the merge request");
            }
            version = versions.get(0).getAsJsonObject();
        }
        return version;
    }

    private URI uri(String path) {
        return URI.create(mergeRequest + path);
    }

    @Override
    public void close() {
        http.close();
    }
}
