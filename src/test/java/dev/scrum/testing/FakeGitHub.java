package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process GitHub REST API for one pull request, answering as GitHub's documentation shows: {@code GET
 * pulls/{n}}, {@code GET pulls/{n}/files} (with {@code patch}), issue comments ({@code GET}, {@code POST
 * issues/{n}/comments}, {@code PATCH issues/comments/{id}}) and review comments ({@code GET}, {@code POST
 * pulls/{n}/comments}, {@code PATCH pulls/comments/{id}}), lists paged by {@code per_page}/{@code page} with a
 * {@code Link} header. It keeps the comments it was given, so a second run sees the first's. Faults: lines it
 * refuses with 422 as GitHub does for a line outside the diff, a number of 429s with {@code Retry-After}, a status
 * for every request (401 with {@code Bad credentials}). Every request is recorded.
 */
public final class FakeGitHub implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern PATH = Pattern.compile("/repos/([^/]+/[^/]+)/(pulls|issues)(?:/(comments))?/(\\d+)"
            + "(?:/(files|comments))?");
    private static final String SHUTDOWN = "/__shutdown";

    private record Fault(String method, int status, String message, Map<String, String> headers) {}

    /** A request received: method, path with query, the token header, the body parsed (or null). */
    public record Request(String method, String path, String authorization, JsonObject body) {}

    private final LoopbackServer server;
    private final String repository;
    private final int number;
    private final String headSha;
    private final List<JsonObject> files = new CopyOnWriteArrayList<>();
    private final List<JsonObject> issueComments = new CopyOnWriteArrayList<>();
    private final List<JsonObject> reviewComments = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> refusedLines = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Deque<Fault> faults = new ConcurrentLinkedDeque<>();
    private final AtomicLong ids = new AtomicLong(1000);
    private volatile int pageSize = 30;
    private volatile Integer everyStatus;
    private volatile String echoInErrors;
    private volatile Path requestFolder;

    private FakeGitHub(int port, String repository, int number, String headSha) {
        this.repository = repository;
        this.number = number;
        this.headSha = headSha;
        server = new LoopbackServer("fake-github", port, this::handle);
    }

    /** Starts a fake of pull request {@code repository#number} on a free port of 127.0.0.1. */
    public static FakeGitHub start(String repository, int number, String headSha) {
        return start(0, repository, number, headSha);
    }

    private static FakeGitHub start(int port, String repository, int number, String headSha) {
        return new FakeGitHub(port, repository, number, headSha);
    }

    /**
     * For an invoker project's setup hook: starts a fake on the port of {@code GITHUB_API_URL} in the project's
     * {@code invoker.properties} ({@code invoker.environmentVariables.GITHUB_API_URL}), for the pull request and
     * files of {@code fake-github.json} ({@code repository}, {@code number}, {@code head}, {@code files} as GitHub
     * lists them, {@code refuse}: {@code path:line}s answered 422), and writes every request it receives to
     * {@code fake-github-requests/NNNN.json}.
     */
    public static FakeGitHub startForInvoker(File basedir) throws IOException {
        Path base = basedir.toPath();
        URI api = URI.create(LoopbackServer.invokerEnvironment(base, "GITHUB_API_URL"));
        JsonObject config = JsonParser.parseString(Files.readString(base.resolve("fake-github.json"),
                StandardCharsets.UTF_8)).getAsJsonObject();
        FakeGitHub fake = start(api.getPort(), config.get("repository").getAsString(), config.get("number").getAsInt(),
                config.get("head").getAsString());
        config.getAsJsonArray("files").forEach(f -> fake.files.add(f.getAsJsonObject()));
        if (config.has("refuse")) {
            config.getAsJsonArray("refuse").forEach(r -> fake.refusedLines.add(r.getAsString()));
        }
        fake.requestFolder = base.resolve("fake-github-requests");
        return fake;
    }

    /** For an invoker project's verify hook: stops the fake {@link #startForInvoker} started. */
    public static void shutdownForInvoker(File basedir) throws IOException {
        LoopbackServer.requestShutdown(URI.create(LoopbackServer.invokerEnvironment(basedir.toPath(), "GITHUB_API_URL")
                + SHUTDOWN));
    }

    /** {@code http://127.0.0.1:PORT}: the value of {@code GITHUB_API_URL}. */
    public URI url() {
        return server.url("");
    }

    /** Adds a file of the pull request as {@code pulls/{n}/files} lists it. */
    public FakeGitHub file(String filename, String status, String patch) {
        JsonObject f = new JsonObject();
        f.addProperty("sha", "bbcd538c8e72b8c175046e27cc8f907076331401");
        f.addProperty("filename", filename);
        f.addProperty("status", status);
        f.addProperty("additions", patch == null ? 0 : patch.split("\n\\+", -1).length - 1);
        f.addProperty("deletions", 0);
        f.addProperty("changes", 0);
        f.addProperty("blob_url", "https://github.com/" + repository + "/blob/" + headSha + "/" + filename);
        if (patch != null) {
            f.addProperty("patch", patch);
        }
        files.add(f);
        return this;
    }

    /** Answers 422 to a review comment on this line, as GitHub does for a line it cannot place. */
    public FakeGitHub refuse(String path, int line) {
        refusedLines.add(path + ":" + line);
        return this;
    }

    /** Answers the next {@code count} requests with 429 and {@code Retry-After: seconds}. */
    public FakeGitHub rateLimit(int count, int seconds) {
        return fail(count, null, 429, "API rate limit exceeded", Map.of("Retry-After", Integer.toString(seconds),
                "x-ratelimit-remaining", "0"));
    }

    /**
     * Answers the next {@code count} requests of {@code method} ({@code null}: any) with {@code status}, GitHub's
     * error body with {@code message}, and {@code headers}: a secondary rate limit is a 403 with {@code Retry-After}.
     */
    public FakeGitHub fail(int count, String method, int status, String message, Map<String, String> headers) {
        for (int i = 0; i < count; i++) {
            faults.add(new Fault(method, status, message, headers));
        }
        return this;
    }

    /** Answers every request with this status and GitHub's error body for it; the body echoes {@code echo}. */
    public FakeGitHub answerEverything(int status, String echo) {
        everyStatus = status;
        echoInErrors = echo;
        return this;
    }

    /** Lists at most this many items a page. */
    public FakeGitHub pageSize(int size) {
        pageSize = size;
        return this;
    }

    /** Adds an issue comment written by someone else. */
    public FakeGitHub issueComment(String login, String body) {
        issueComments.add(comment(login, body, "issues"));
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests of one method whose path (without query) ends with {@code suffix}. */
    public List<Request> requests(String method, String suffix) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().split("\\?")[0].endsWith(suffix))
                .toList();
    }

    public List<JsonObject> issueComments() {
        return List.copyOf(issueComments);
    }

    public List<JsonObject> reviewComments() {
        return List.copyOf(reviewComments);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            if (uri.getPath().equals(SHUTDOWN)) {
                send(exchange, 200, "{}", Map.of());
                Thread stopper = new Thread(this::close, "fake-github-shutdown");
                stopper.setDaemon(true);
                stopper.start();
                return;
            }
            JsonObject body = LoopbackServer.body(exchange);
            Request request = new Request(method, LoopbackServer.pathAndQuery(exchange),
                    exchange.getRequestHeaders().getFirst("Authorization"), body);
            requests.add(request);
            writeDown(request);
            answer(exchange, method, uri, body);
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    private void answer(HttpExchange exchange, String method, URI uri, JsonObject body) throws IOException {
        if (everyStatus != null) {
            String message = switch (everyStatus) {
                case 401 -> "Bad credentials";
                case 403 -> "Resource not accessible by integration";
                case 404 -> "Not Found";
                default -> "Server Error";
            };
            send(exchange, everyStatus, error(message + (echoInErrors == null ? "" : " " + echoInErrors)), Map.of());
            return;
        }
        Fault fault = faults.peek();
        if (fault != null && (fault.method() == null || fault.method().equals(method)) && faults.remove(fault)) {
            send(exchange, fault.status(), error(fault.message()), fault.headers());
            return;
        }
        Matcher m = PATH.matcher(uri.getPath());
        if (!m.matches() || !m.group(1).equals(repository)) {
            send(exchange, 404, error("Not Found"), Map.of());
            return;
        }
        String kind = m.group(2);
        boolean byCommentId = m.group(3) != null;
        long id = Long.parseLong(m.group(4));
        String sub = m.group(5);
        if (byCommentId) {
            List<JsonObject> list = kind.equals("issues") ? issueComments : reviewComments;
            JsonObject found = list.stream().filter(c -> c.get("id").getAsLong() == id).findFirst().orElse(null);
            if (found == null || !method.equals("PATCH") || body == null || !body.has("body")) {
                send(exchange, found == null ? 404 : 422, error(found == null ? "Not Found" : "Validation Failed"),
                        Map.of());
                return;
            }
            found.addProperty("body", body.get("body").getAsString());
            found.addProperty("updated_at", "2026-12-03T12:00:00Z");
            send(exchange, 200, GSON.toJson(found), Map.of());
            return;
        }
        if (id != number) {
            send(exchange, 404, error("Not Found"), Map.of());
            return;
        }
        if (kind.equals("pulls") && sub == null && method.equals("GET")) {
            JsonObject pull = new JsonObject();
            pull.addProperty("number", number);
            pull.addProperty("state", "open");
            JsonObject head = new JsonObject();
            head.addProperty("sha", headSha);
            pull.add("head", head);
            send(exchange, 200, GSON.toJson(pull), Map.of());
        } else if (kind.equals("pulls") && "files".equals(sub) && method.equals("GET")) {
            page(exchange, uri, files);
        } else if ("comments".equals(sub) && method.equals("GET")) {
            page(exchange, uri, kind.equals("issues") ? issueComments : reviewComments);
        } else if (kind.equals("issues") && "comments".equals(sub) && method.equals("POST") && body != null) {
            JsonObject c = comment("github-actions[bot]", body.get("body").getAsString(), "issues");
            issueComments.add(c);
            send(exchange, 201, GSON.toJson(c), Map.of());
        } else if (kind.equals("pulls") && "comments".equals(sub) && method.equals("POST") && body != null) {
            postReviewComment(exchange, body);
        } else {
            send(exchange, 404, error("Not Found"), Map.of());
        }
    }

    private void postReviewComment(HttpExchange exchange, JsonObject body) throws IOException {
        String path = body.has("path") ? body.get("path").getAsString() : null;
        Integer line = body.has("line") && !body.get("line").isJsonNull() ? body.get("line").getAsInt() : null;
        boolean inDiff = files.stream().anyMatch(f -> f.get("filename").getAsString().equals(path));
        if (path == null || line == null || !body.has("commit_id") || !"RIGHT".equals(body.get("side").getAsString())
                || !inDiff || refusedLines.contains(path + ":" + line)) {
            JsonObject e = new JsonObject();
            e.addProperty("message", "Validation Failed");
            JsonArray errors = new JsonArray();
            JsonObject detail = new JsonObject();
            detail.addProperty("resource", "PullRequestReviewComment");
            detail.addProperty("code", "custom");
            detail.addProperty("field", "pull_request_review_thread.line");
            detail.addProperty("message", "could not be resolved");
            errors.add(detail);
            e.add("errors", errors);
            e.addProperty("documentation_url",
                    "https://docs.github.com/rest/pulls/comments#create-a-review-comment-for-a-pull-request");
            send(exchange, 422, GSON.toJson(e), Map.of());
            return;
        }
        JsonObject c = comment("github-actions[bot]", body.get("body").getAsString(), "pulls");
        c.addProperty("pull_request_review_id", 42);
        c.addProperty("diff_hunk", "@@ -1,3 +1,4 @@");
        c.addProperty("path", path);
        c.addProperty("commit_id", body.get("commit_id").getAsString());
        c.addProperty("original_commit_id", body.get("commit_id").getAsString());
        c.addProperty("line", line);
        c.addProperty("original_line", line);
        c.addProperty("side", "RIGHT");
        reviewComments.add(c);
        send(exchange, 201, GSON.toJson(c), Map.of());
    }

    private JsonObject comment(String login, String body, String kind) {
        long id = ids.incrementAndGet();
        JsonObject c = new JsonObject();
        c.addProperty("id", id);
        c.addProperty("node_id", "MDEyOklzc3VlQ29tbWVudDE=" + id);
        c.addProperty("url", url() + "/repos/" + repository + "/" + kind + "/comments/" + id);
        c.addProperty("html_url", "https://github.com/" + repository + "/pull/" + number + "#issuecomment-" + id);
        c.addProperty("body", body);
        JsonObject user = new JsonObject();
        user.addProperty("login", login);
        user.addProperty("type", login.endsWith("[bot]") ? "Bot" : "User");
        c.add("user", user);
        c.addProperty("created_at", "2026-12-03T11:00:00Z");
        c.addProperty("updated_at", "2026-12-03T11:00:00Z");
        c.addProperty("author_association", "NONE");
        return c;
    }

    /** One page of a list, {@code per_page} capped at the fake's page size, with GitHub's {@code Link} header. */
    private void page(HttpExchange exchange, URI uri, List<JsonObject> all) throws IOException {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        int size = Math.min(pageSize, Integer.parseInt(query.getOrDefault("per_page", "30")));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * size);
        int to = Math.min(all.size(), from + size);
        JsonArray array = new JsonArray();
        all.subList(from, to).forEach(array::add);
        Map<String, String> headers = new LinkedHashMap<>();
        if (to < all.size()) {
            int last = (all.size() + size - 1) / size;
            String base = url() + uri.getRawPath() + "?per_page=" + size + "&page=";
            headers.put("Link", "<" + base + (page + 1) + ">; rel=\"next\", <" + base + last + ">; rel=\"last\"");
        }
        send(exchange, 200, GSON.toJson(array), headers);
    }

    private static String error(String message) {
        JsonObject e = new JsonObject();
        e.addProperty("message", message);
        e.addProperty("documentation_url", "https://docs.github.com/rest");
        e.addProperty("status", "");
        return GSON.toJson(e);
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
            throws IOException {
        LoopbackServer.send(exchange, status, "application/json; charset=utf-8", body, headers);
    }

    private void writeDown(Request request) {
        if (requestFolder != null) {
            LoopbackServer.writeDown(requestFolder, requests.size(), request.method(), request.path(),
                    request.authorization() == null ? null : request.authorization().toLowerCase(Locale.ROOT)
                            .startsWith("bearer ") ? "Bearer (set)" : "(other)", request.body());
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
