package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process GitLab REST API v4 for one merge request, answering as GitLab's documentation shows:
 * {@code merge_requests/:iid/diffs}, {@code versions}, notes ({@code GET}, {@code POST}, {@code PUT notes/:id})
 * and discussions ({@code GET}, {@code POST} with a {@code position}, {@code PUT discussions/:id?resolved=true}).
 * A position on a line the diff does not add, or one it is told to refuse, gets GitLab's 400. It requires the
 * {@code PRIVATE-TOKEN} header and answers 401 without it. Every request is recorded.
 */
public final class FakeGitLab implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final Pattern PATH = Pattern.compile("/api/v4/projects/([^/]+)/merge_requests/(\\d+)/"
            + "(diffs|versions|notes|discussions)(?:/([^/?]+))?");

    /** A request received: method, path with query, the {@code PRIVATE-TOKEN} header, the body parsed (or null). */
    public record Request(String method, String path, String token, JsonObject body) {}

    private final LoopbackServer server;
    private final String project;
    private final int iid;
    private final List<JsonObject> diffs = new CopyOnWriteArrayList<>();
    private final List<JsonObject> notes = new CopyOnWriteArrayList<>();
    private final List<JsonObject> discussions = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Set<Integer>> added = new ConcurrentHashMap<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong ids = new AtomicLong(300);

    private FakeGitLab(int port, String project, int iid) {
        this.project = project;
        this.iid = iid;
        server = new LoopbackServer("fake-gitlab", port, this::handle);
    }

    /**
     * For an invoker project's setup hook: starts a fake on the port of {@code CI_API_V4_URL} in the project's
     * {@code invoker.properties}, for the merge request of {@code fake-gitlab.json} ({@code project}, {@code iid},
     * {@code diffs}: each {@code path}, {@code diff} and the {@code lines} it adds). {@code POST /__shutdown} stops it.
     */
    public static FakeGitLab startForInvoker(java.io.File basedir) throws IOException {
        java.nio.file.Path base = basedir.toPath();
        URI api = URI.create(LoopbackServer.invokerEnvironment(base, "CI_API_V4_URL"));
        JsonObject config = com.google.gson.JsonParser.parseString(java.nio.file.Files.readString(
                base.resolve("fake-gitlab.json"), StandardCharsets.UTF_8)).getAsJsonObject();
        FakeGitLab fake = new FakeGitLab(api.getPort(), config.get("project").getAsString(),
                config.get("iid").getAsInt());
        for (var d : config.getAsJsonArray("diffs")) {
            JsonObject diff = d.getAsJsonObject();
            Set<Integer> lines = new java.util.TreeSet<>();
            diff.getAsJsonArray("lines").forEach(l -> lines.add(l.getAsInt()));
            fake.diff(diff.get("path").getAsString(), diff.get("diff").getAsString(), lines);
        }
        return fake;
    }

    /** For an invoker project's verify hook: stops the fake {@link #startForInvoker} started. */
    public static void shutdownForInvoker(java.io.File basedir) throws IOException {
        LoopbackServer.requestShutdown(URI.create(LoopbackServer.invokerEnvironment(basedir.toPath(), "CI_API_V4_URL")
                + "/__shutdown"));
    }

    /** Starts a fake of merge request {@code project!iid} ({@code project}: the id, or the URL-encoded path). */
    public static FakeGitLab start(String project, int iid) {
        return new FakeGitLab(0, project, iid);
    }

    /** {@code http://127.0.0.1:PORT/api/v4}: the value of {@code CI_API_V4_URL}. */
    public URI url() {
        return server.url("/api/v4");
    }

    /** A file of the merge request as {@code diffs} lists it; {@code lines} are the lines its diff adds. */
    public FakeGitLab diff(String path, String diff, Set<Integer> lines) {
        JsonObject d = new JsonObject();
        d.addProperty("old_path", path);
        d.addProperty("new_path", path);
        d.addProperty("a_mode", "100644");
        d.addProperty("b_mode", "100644");
        d.addProperty("diff", diff);
        d.addProperty("new_file", false);
        d.addProperty("renamed_file", false);
        d.addProperty("deleted_file", false);
        diffs.add(d);
        added.put(path, lines);
        return this;
    }

    /** Answers 400 to a discussion on this line, as GitLab does for a position it cannot resolve. */
    public FakeGitLab refuse(String path, int line) {
        refused.add(path + ":" + line);
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<JsonObject> notes() {
        return List.copyOf(notes);
    }

    public List<JsonObject> discussions() {
        return List.copyOf(discussions);
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            JsonObject body = LoopbackServer.body(exchange);
            if (exchange.getRequestURI().getPath().equals("/__shutdown")) {
                send(exchange, 200, "{}");
                Thread stopper = new Thread(this::close, "fake-gitlab-shutdown");
                stopper.setDaemon(true);
                stopper.start();
                return;
            }
            String token = exchange.getRequestHeaders().getFirst("PRIVATE-TOKEN");
            requests.add(new Request(method, LoopbackServer.pathAndQuery(exchange), token, body));
            if (token == null) {
                send(exchange, 401, "{\"message\":\"401 Unauthorized\"}");
                return;
            }
            answer(exchange, method, uri, body);
        } catch (IOException clientGone) {
            // nothing to answer
        }
    }

    private void answer(HttpExchange exchange, String method, URI uri, JsonObject body) throws IOException {
        Matcher m = PATH.matcher(uri.getRawPath());
        if (!m.matches() || !m.group(1).equals(project) || Integer.parseInt(m.group(2)) != iid) {
            send(exchange, 404, "{\"message\":\"404 Not found\"}");
            return;
        }
        String what = m.group(3);
        String id = m.group(4);
        switch (what + " " + method + (id == null ? "" : " id")) {
            case "diffs GET" -> send(exchange, 200, GSON.toJson(array(diffs)));
            case "versions GET" -> send(exchange, 200, "[{\"id\": 110, \"head_commit_sha\": \"33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30\","
                    + " \"base_commit_sha\": \"eeb57dffe83deb686a60a71c16c32f71046868fd\", \"start_commit_sha\": "
                    + "\"eeb57dffe83deb686a60a71c16c32f71046868fd\", \"created_at\": \"2026-12-03T11:00:00.000Z\", "
                    + "\"merge_request_id\": 1, \"state\": \"collected\", \"real_size\": \"1\"}]");
            case "notes GET" -> send(exchange, 200, GSON.toJson(array(notes)));
            case "notes POST" -> {
                JsonObject note = note(body.get("body").getAsString(), null);
                notes.add(note);
                send(exchange, 201, GSON.toJson(note));
            }
            case "notes PUT id" -> {
                JsonObject note = notes.stream().filter(n -> n.get("id").getAsString().equals(id)).findFirst()
                        .orElse(null);
                if (note == null) {
                    send(exchange, 404, "{\"message\":\"404 Not found\"}");
                    return;
                }
                note.addProperty("body", body.get("body").getAsString());
                send(exchange, 200, GSON.toJson(note));
            }
            case "discussions GET" -> send(exchange, 200, GSON.toJson(array(discussions)));
            case "discussions POST" -> postDiscussion(exchange, body);
            case "discussions PUT id" -> {
                JsonObject discussion = discussions.stream().filter(d -> d.get("id").getAsString().equals(id))
                        .findFirst().orElse(null);
                if (discussion == null || uri.getRawQuery() == null || !uri.getRawQuery().contains("resolved=true")) {
                    send(exchange, discussion == null ? 404 : 400, "{\"message\":\"400 Bad request\"}");
                    return;
                }
                discussion.getAsJsonArray("notes").forEach(n -> n.getAsJsonObject().addProperty("resolved", true));
                send(exchange, 200, GSON.toJson(discussion));
            }
            default -> send(exchange, 404, "{\"message\":\"404 Not found\"}");
        }
    }

    private void postDiscussion(HttpExchange exchange, JsonObject body) throws IOException {
        JsonObject position = body.getAsJsonObject("position");
        String path = position == null ? null : position.get("new_path").getAsString();
        int line = position == null || !position.has("new_line") ? -1 : position.get("new_line").getAsInt();
        boolean valid = position != null && "text".equals(position.get("position_type").getAsString())
                && "33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30".equals(position.get("head_sha").getAsString())
                && position.has("base_sha") && position.has("start_sha")
                && added.getOrDefault(path, Set.of()).contains(line) && !refused.contains(path + ":" + line);
        if (!valid) {
            send(exchange, 400, "{\"message\":\"400 Bad request - Note {:line_code=>[\\\"can't be blank\\\", "
                    + "\\\"must be a valid line code\\\"]}\"}");
            return;
        }
        JsonObject note = note(body.get("body").getAsString(), position);
        note.addProperty("type", "DiffNote");
        note.addProperty("resolvable", true);
        note.addProperty("resolved", false);
        JsonObject discussion = new JsonObject();
        discussion.addProperty("id", Long.toHexString(ids.incrementAndGet()) + "6a9c1750b37d9b8a2f4d1c7e9f0a3b5c");
        discussion.addProperty("individual_note", false);
        JsonArray list = new JsonArray();
        list.add(note);
        discussion.add("notes", list);
        discussions.add(discussion);
        send(exchange, 201, GSON.toJson(discussion));
    }

    private JsonObject note(String body, JsonObject position) {
        JsonObject note = new JsonObject();
        note.addProperty("id", ids.incrementAndGet());
        note.addProperty("body", body);
        JsonObject author = new JsonObject();
        author.addProperty("username", "project_278964_bot");
        note.add("author", author);
        note.addProperty("system", false);
        note.addProperty("noteable_type", "MergeRequest");
        note.addProperty("noteable_iid", iid);
        if (position != null) {
            note.add("position", position);
        }
        return note;
    }

    private static JsonArray array(List<JsonObject> items) {
        JsonArray array = new JsonArray();
        items.forEach(array::add);
        return array;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        LoopbackServer.send(exchange, status, "application/json", body, Map.of());
    }

    @Override
    public void close() {
        server.close();
    }
}
