package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * requires {@code Authorization: token …} (and, when it is given one, that token: another gets Gitea's 401). Every
 * request is recorded; an invoker project's fake ({@link #startForInvoker}) also writes each one down, its token
 * masked.
 */
public final class FakeGitea implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern PATH = Pattern.compile("/api/v1/repos/([^/]+/[^/]+)/(pulls|issues)/(\\d+|comments)"
            + "(\\.diff)?(?:/(comments|reviews))?(?:/(\\d+))?(?:/(comments))?");
    private static final String SHUTDOWN = "/__shutdown";

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
    private volatile String token;
    private volatile Path requestFolder;

    private FakeGitea(int port, String repository, int number, String headSha, String diff,
            Map<String, Set<Integer>> added) {
        this.repository = repository;
        this.number = number;
        this.headSha = headSha;
        this.diff = diff;
        this.added = added;
        server = new LoopbackServer("fake-gitea", port, this::handle);
    }

    /**
     * Starts a fake of pull request {@code repository#number} whose {@code .diff} is {@code diff}, adding
     * {@code added} lines per file (what a review comment may be put on).
     */
    public static FakeGitea start(String repository, int number, String headSha, String diff,
            Map<String, Set<Integer>> added) {
        return new FakeGitea(0, repository, number, headSha, diff, added);
    }

    /**
     * For an invoker project's setup hook: starts a fake on the port of {@code GITHUB_API_URL} in the project's
     * {@code invoker.properties} (Gitea's and Forgejo's Actions set it to the instance's {@code /api/v1}), for the
     * pull request of {@code fake-gitea.json}: {@code repository}, {@code number}, {@code head} (its head commit),
     * {@code diff} (the file {@code pulls/{n}.diff} answers, relative to the project), {@code added} (per path, the
     * lines the diff adds) and {@code token} (the only one it takes). Every request it receives is written to
     * {@code fake-gitea-requests/NNNN.json}, its {@code Authorization} as {@code token (expected)}, {@code (other)}
     * or null. {@code POST /__shutdown} stops it.
     */
    public static FakeGitea startForInvoker(File basedir) throws IOException {
        Path base = basedir.toPath();
        URI api = URI.create(LoopbackServer.invokerEnvironment(base, "GITHUB_API_URL"));
        JsonObject config = JsonParser.parseString(Files.readString(base.resolve("fake-gitea.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        Map<String, Set<Integer>> added = new TreeMap<>();
        config.getAsJsonObject("added").entrySet().forEach(e -> {
            Set<Integer> lines = new TreeSet<>();
            e.getValue().getAsJsonArray().forEach(l -> lines.add(l.getAsInt()));
            added.put(e.getKey(), lines);
        });
        FakeGitea fake = new FakeGitea(api.getPort(), config.get("repository").getAsString(),
                config.get("number").getAsInt(), config.get("head").getAsString(),
                Files.readString(base.resolve(config.get("diff").getAsString()), StandardCharsets.UTF_8), added);
        fake.token = config.get("token").getAsString();
        fake.requestFolder = base.resolve("fake-gitea-requests");
        return fake;
    }

    /** For an invoker project's verify hook: stops the fake {@link #startForInvoker} started. */
    public static void shutdownForInvoker(File basedir) throws IOException {
        String api = LoopbackServer.invokerEnvironment(basedir.toPath(), "GITHUB_API_URL");
        LoopbackServer.requestShutdown(URI.create(api).resolve(SHUTDOWN));
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
            if (uri.getPath().equals(SHUTDOWN)) {
                send(exchange, 200, "application/json", "{}");
                Thread stopper = new Thread(this::close, "fake-gitea-shutdown");
                stopper.setDaemon(true);
                stopper.start();
                return;
            }
            JsonObject body = LoopbackServer.body(exchange);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            Request request = new Request(method, LoopbackServer.pathAndQuery(exchange), authorization, body);
            requests.add(request);
            writeDown(request);
            if (authorization == null || !authorization.startsWith("token ")) {
                send(exchange, 401, "application/json", "{\"message\":\"token is required\",\"url\":\"\"}");
                return;
            }
            if (token != null && !authorization.equals("token " + token)) {
                send(exchange, 401, "application/json", "{\"message\":\"user does not exist [uid: 0, name: ]\","
                        + "\"url\":\"\"}");
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

    private synchronized void writeDown(Request request) {
        if (requestFolder != null) {
            String authorization = request.authorization();
            LoopbackServer.writeDown(requestFolder, requests.size(), request.method(), request.path(),
                    authorization == null ? null : authorization.equals("token " + token) ? "token (expected)"
                            : "(other)", request.body());
        }
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
