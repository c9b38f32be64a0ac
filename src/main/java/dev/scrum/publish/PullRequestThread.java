package dev.scrum.publish;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.net.URI;

/**
 * What GitHub's and Gitea's REST APIs share for a pull request: its conversation is an issue's
 * ({@code issues/{n}/comments}, edited with {@code PATCH issues/comments/{id}}), where the summary lives, and
 * {@code pulls/{n}} gives its head commit, which review comments are made on.
 */
final class PullRequestThread {

    private final ForgeHttp http;
    private final String repo;
    private final int number;
    private String headSha;

    /** @param repo the repository's API URL: {@code https://api.github.com/repos/octo/shop} */
    PullRequestThread(ForgeHttp http, String repo, int number, String headSha) {
        this.http = http;
        this.repo = repo;
        this.number = number;
        this.headSha = headSha;
    }

    /** Updates the comment carrying the summary marker in place, or posts it; whether it was updated. */
    boolean upsertSummary(String markdown) throws PublishException {
        JsonObject body = new JsonObject();
        body.addProperty("body", markdown);
        for (JsonElement c : http.list(uri("/issues/" + number + "/comments?per_page=100"))) {
            JsonObject comment = c.getAsJsonObject();
            if (CommentMarker.isSummary(string(comment, "body"))) {
                http.call("PATCH", uri("/issues/comments/" + string(comment, "id")), body);
                return true;
            }
        }
        http.call("POST", uri("/issues/" + number + "/comments"), body);
        return false;
    }

    /** The pull request's head commit: from the CI's event, else read from the pull request once. */
    String headSha() throws PublishException {
        if (headSha == null) {
            JsonElement pull = http.call("GET", uri("/pulls/" + number), null);
            headSha = pull.getAsJsonObject().getAsJsonObject("head").get("sha").getAsString();
        }
        return headSha;
    }

    URI uri(String path) {
        return URI.create(repo + path);
    }

    /** A field of a JSON object as text, or {@code null} when it is absent or null. */
    static String string(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }
}
