package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Gitea/Forgejo REST API v1 for one pull request, answering as its documentation (swagger) shows:
 * {@code pulls/{n}.diff}, {@code pulls/{n}}, issue comments ({@code GET}, {@code POST}, {@code PATCH
 * issues/comments/{id}}) and pull reviews ({@code GET pulls/{n}/reviews}, {@code GET reviews/{id}/comments},
 * {@code POST pulls/{n}/reviews} with comments). A review comment on a line the diff does not add gets 422. It
 * requires {@code Authorization: token …}. Every request is recorded.
 */
public final class FakeGitea implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern PATH = Pattern.compile("/api/v1/repos/([^/]+/[^/]+)/(pulls|issues)/(\\d+|comments)"
            + "(\\.diff)?(?:/(comments|reviews))?(?:/(\\d+))?(?:/(comments))?");

    /** A request received: method, path with query, the {@code Authorization} header, the body parsed (or null). */
    public record Request(String method, String path, String authorization, JsonObject body) {}

    private final LoopbackServer server;
    private final String repository;
    private final int number;
    private final String headSha;
    private final String diff;
    private final Map<String, Set<Integer>> added;
    private final List<JsonObject> issueComments = new CopyOnWriteArrayList<>();
    private final List<JsonObject> reviews = new CopyOnWriteArrayList<>();
    private final Map<Long, List<JsonObject>> reviewComments = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong(50);

    private FakeGitea(String repository, int number, String headSha, String diff, Map<String, Set<Integer>> added) {
        this.repository = repository;
        this.number = number;
        this.headSha = headSha;
        this.diff = diff;
        this.added = added;
        server = new LoopbackServer("fake-gitea", 0, this::handle);
    }

    /**
     * Starts a fake of pull request {@code repository#number} whose {@code .diff} is {@code diff}, adding
     * {@code added} lines per file (what a review comment may be put on).
     */
    public static FakeGitea start(String repository, int number, String headSha, String diff,
            Map<String, Set<Integer>> added) {
        return new FakeGitea(repository, number, headSha, diff, added);
    }

    /** {@code http://127.0.0.1:PORT/api/v1}. */
    public URI url() {
        return server.url("/api/v1");
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<JsonObject> issueComments() {
        return List.copyOf(issueComments);
    }

    /** Every review comment, in the order posted. */
    public List<JsonObject> reviewComments() {
        return reviews.stream().flatMap(r -> reviewComments.get(r.get("id").getAsLong()).stream()).toList();
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            JsonObject body = LoopbackServer.body(exchange);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            requests.add(new Request(method, LoopbackServer.pathAndQuery(exchange), authorization, body));
            if (authorization == null || !authorization.startsWith("token ")) {
                send(exchange, 401, "application/json", "{\"message\":\"token is required\",\"url\":\"\"}");
                return;
            }
            answer(exchange, method, uri, body);
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    private void answer(HttpExchange exchange, String method, URI uri, JsonObject body) throws IOException {
        Matcher m = PATH.matcher(uri.getRawPath());
        if (!m.matches() || !m.group(1).equals(repository)) {
            send(exchange, 404, "application/json", "{\"message\":\"The target couldn't be found.\"}");
            return;
        }
        String kind = m.group(2);
        if (m.group(3).equals("comments")) {
            // PATCH /issues/comments/{id}
            JsonObject found = m.group(6) == null ? null : issueComments.stream()
                    .filter(c -> c.get("id").getAsString().equals(m.group(6))).findFirst().orElse(null);
            if (found == null || !kind.equals("issues") || !method.equals("PATCH") || body == null) {
                send(exchange, 404, "application/json", "{\"message\":\"The target couldn't be found.\"}");
                return;
            }
            found.addProperty("body", body.get("body").getAsString());
            send(exchange, 200, "application/json", GSON.toJson(found));
            return;
        }
        int n = Integer.parseInt(m.group(3));
        if (n != number) {
            send(exchange, 404, "application/json", "{\"message\":\"The target couldn't be found.\"}");
            return;
        }
        String sub = m.group(5);
        String id = m.group(6);
        if (kind.equals("pulls") && m.group(4) != null) {
            send(exchange, 200, "text/plain; charset=utf-8", diff);
        } else if (kind.equals("pulls") && sub == null && method.equals("GET")) {
            send(exchange, 200, "application/json", "{\"number\": " + number + ", \"head\": {\"sha\": \"" + headSha
                    + "\"}}");
        } else if (kind.equals("issues") && "comments".equals(sub) && method.equals("GET")) {
            send(exchange, 200, "application/json", GSON.toJson(array(issueComments)));
        } else if (kind.equals("issues") && "comments".equals(sub) && method.equals("POST")) {
            JsonObject c = new JsonObject();
            c.addProperty("id", ids.incrementAndGet());
            c.addProperty("body", body.get("body").getAsString());
            c.addProperty("html_url", "https://gitea.example/" + repository + "/pulls/" + number);
            issueComments.add(c);
            send(exchange, 201, "application/json", GSON.toJson(c));
        } else if (kind.equals("pulls") && "reviews".equals(sub) && id == null && method.equals("GET")) {
            send(exchange, 200, "application/json", GSON.toJson(array(reviews)));
        } else if (kind.equals("pulls") && "reviews".equals(sub) && id != null && m.group(7) != null) {
            send(exchange, 200, "application/json", GSON.toJson(array(reviewComments.getOrDefault(Long.parseLong(id),
                    List.of()))));
        } else if (kind.equals("pulls") && "reviews".equals(sub) && id == null && method.equals("POST")) {
            postReview(exchange, body);
        } else {
            send(exchange, 404, "application/json", "{\"message\":\"The target couldn't be found.\"}");
        }
    }

    private void postReview(HttpExchange exchange, JsonObject body) throws IOException {
        for (JsonElement e : body.getAsJsonArray("comments")) {
            JsonObject c = e.getAsJsonObject();
            if (!added.getOrDefault(c.get("path").getAsString(), Set.of()).contains(c.get("new_position").getAsInt())
                    || !headSha.equals(body.get("commit_id").getAsString())) {
                send(exchange, 422, "application/json", "{\"message\":\"line is not in the diff\",\"url\":\"\"}");
                return;
            }
        }
        long id = ids.incrementAndGet();
        JsonObject review = new JsonObject();
        review.addProperty("id", id);
        review.addProperty("state", body.get("event").getAsString());
        review.addProperty("body", body.get("body").getAsString());
        review.addProperty("commit_id", headSha);
        review.addProperty("comments_count", body.getAsJsonArray("comments").size());
        List<JsonObject> comments = new CopyOnWriteArrayList<>();
        for (JsonElement e : body.getAsJsonArray("comments")) {
            JsonObject c = e.getAsJsonObject();
            JsonObject posted = new JsonObject();
            posted.addProperty("id", ids.incrementAndGet());
            posted.addProperty("body", c.get("body").getAsString());
            posted.addProperty("path", c.get("path").getAsString());
            posted.addProperty("position", c.get("new_position").getAsInt());
            posted.addProperty("commit_id", headSha);
            posted.addProperty("pull_request_review_id", id);
            comments.add(posted);
        }
        reviews.add(review);
        reviewComments.put(id, comments);
        send(exchange, 200, "application/json", GSON.toJson(review));
    }

    private static JsonArray array(List<JsonObject> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        LoopbackServer.send(exchange, status, type, body, Map.of());
    }

    @Override
    public void close() {
        server.close();
    }
}
