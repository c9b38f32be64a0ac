package dev.scrum.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * An in-process model server on 127.0.0.1 that speaks the real wire formats of Ollama ({@code POST
 * /api/chat}, {@code /api/embed}) and OpenAI ({@code POST /v1/chat/completions}, {@code /v1/embeddings}),
 * answering from scripts per model and recording every request. For unit tests, and for invoker projects
 * through {@link #startForInvoker(File)}.
 *
 * <ul>
 *   <li>Chat: each model's scripted replies are used in order, the last one repeating; an unscripted model
 *       gets the endpoint's real 404 "model not found". Ollama's silent truncation is simulated: prompt
 *       tokens are the messages' characters / 4, the window is {@code options.num_ctx} or 2048, and a prompt
 *       past the window comes back with {@code prompt_eval_count} = the window.
 *   <li>Embeddings: feature-hashed bag-of-words vectors (256 dimensions, not normalised) for any model;
 *       a scripted embedding model uses its failure replies (status, delay, not JSON, missing model).
 *   <li>{@code GET /} answers {@code Ollama is running}, as Ollama does.
 *   <li>{@code POST /__shutdown} stops the server; it also stops itself after 10 idle minutes.
 * </ul>
 *
 * <p>In invoker hook scripts (which fail the build when they return anything but {@code null} or
 * {@code true}, so end them with {@code true}):
 *
 * <pre>{@code
 * // setup.groovy
 * dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
 * true
 * // verify.groovy
 * dev.scrum.testing.FakeModelServer.shutdownForInvoker(basedir)
 * def requests = new File(basedir, 'fake-server-requests').listFiles().sort()
 * ...
 * true
 * }</pre>
 */
public final class FakeModelServer implements AutoCloseable {
    private static final Duration IDLE_LIMIT = Duration.ofMinutes(10);
    private static final String SHUTDOWN = "/__shutdown";
    private static final String URL_PROPERTY = "-Dfake.url=";

    static {
        // like real servers (Go's net/http), answer without Nagle's delay: else each small exchange waits
        // ~40 ms for a delayed ACK. Read once, when the JDK's server first loads.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private record Route(ServerWire wire, boolean embeddings) {}

    private final HttpServer server;
    private final ExecutorService handlers;
    private final ScheduledExecutorService idleWatch;
    private final Map<String, Route> routes;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Consumer<RecordedRequest>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Reply>> scripts = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean reverseEmbeddingOrder;
    private volatile java.util.concurrent.Semaphore slots;
    private volatile int maxQueue = Integer.MAX_VALUE;
    private volatile int retryAfterSeconds;
    private final java.util.concurrent.atomic.AtomicInteger workedOn = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostWorkedOn = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger refusedBusy = new java.util.concurrent.atomic.AtomicInteger();

    private FakeModelServer() throws IOException {
        OllamaWire ollama = new OllamaWire();
        OpenAiWire openAi = new OpenAiWire();
        routes = Map.of(
                "/api/chat", new Route(ollama, false),
                "/api/embed", new Route(ollama, true),
                "/v1/chat/completions", new Route(openAi, false),
                "/v1/embeddings", new Route(openAi, true));
        handlers = Executors.newCachedThreadPool(daemon("fake-model-server"));
        idleWatch = Executors.newSingleThreadScheduledExecutor(daemon("fake-model-server-idle"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", this::handle);
    }

    /** Starts a server on a free port of 127.0.0.1. */
    public static FakeModelServer start() {
        try {
            FakeModelServer fake = new FakeModelServer();
            fake.server.start();
            fake.idleWatch.scheduleAtFixedRate(fake::stopWhenIdle, 15, 15, TimeUnit.SECONDS);
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake model server", e);
        }
    }

    /**
     * For an invoker project's setup hook: starts a server scripted by {@code basedir/fake-server.json} (see
     * {@link InvokerScript}), records every request under {@code basedir/fake-server-requests/} (see
     * {@link RequestFiles}), and appends {@code -Dfake.url=<url>} to {@code basedir/.mvn/maven.config} so the
     * project's POM can use {@code ${fake.url}} and {@code ${fake.url}/v1}.
     */
    public static FakeModelServer startForInvoker(File basedir) {
        Path base = basedir.toPath();
        FakeModelServer fake = start();
        InvokerScript.load(base).forEach((model, replies) -> fake.script(model, replies.toArray(Reply[]::new)));
        fake.listeners.add(new RequestFiles(base.resolve("fake-server-requests")));
        Path config = base.resolve(".mvn").resolve("maven.config");
        try {
            Files.createDirectories(config.getParent());
            String existing = Files.exists(config) ? Files.readString(config, StandardCharsets.UTF_8) : "";
            String separator = existing.isEmpty() || existing.endsWith("\n") ? "" : "\n";
            Files.writeString(config, separator + URL_PROPERTY + fake.url() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            fake.close();
            throw new UncheckedIOException("cannot write " + config, e);
        }
        return fake;
    }

    /**
     * For an invoker project's verify hook: stops the server {@link #startForInvoker} started for
     * {@code basedir} (the last {@code -Dfake.url} of its {@code .mvn/maven.config}) through
     * {@code POST /__shutdown}. Does nothing when it is already gone.
     */
    public static void shutdownForInvoker(File basedir) throws IOException {
        Path config = basedir.toPath().resolve(".mvn").resolve("maven.config");
        if (!Files.exists(config)) {
            return;
        }
        String url = null;
        for (String line : Files.readAllLines(config, StandardCharsets.UTF_8)) {
            if (line.strip().startsWith(URL_PROPERTY)) {
                url = line.strip().substring(URL_PROPERTY.length());
            }
        }
        if (url == null) {
            return;
        }
        HttpURLConnection connection = (HttpURLConnection) URI.create(url + SHUTDOWN).toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(5_000);
            connection.getResponseCode();
        } catch (ConnectException alreadyStopped) {
            // nothing to stop
        } finally {
            connection.disconnect();
        }
    }

    /** {@code http://127.0.0.1:PORT}: Ollama's base URL. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** {@code http://127.0.0.1:PORT/v1}: the OpenAI-compatible base URL. */
    public URI openAiUrl() {
        return URI.create(url() + "/v1");
    }

    /** Replaces the replies of {@code model}: used in order, the last one repeating. */
    public FakeModelServer script(String model, Reply... replies) {
        if (replies.length == 0) {
            throw new IllegalArgumentException("script " + model + " with at least one reply");
        }
        synchronized (scripts) {
            scripts.put(model, new ArrayDeque<>(Arrays.asList(replies)));
        }
        return this;
    }

    /**
     * Makes the server work on at most {@code calls} chat calls at once, as Ollama with {@code
     * OLLAMA_NUM_PARALLEL} or a vLLM box with a small batch: a call beyond them waits in a first-come queue
     * (its scripted delay starts when it is taken), so that its latency grows with the queue.
     * {@code maxQueue} calls may wait at most: one more is refused as the real servers refuse it, Ollama
     * with its 503 {@code server busy}, OpenAI with a 429 {@code rate_limit_exceeded}, each with a
     * {@code Retry-After} of {@code retryAfterSeconds} (none when 0).
     */
    public FakeModelServer width(int calls, int maxQueue, int retryAfterSeconds) {
        synchronized (scripts) {
            this.slots = new java.util.concurrent.Semaphore(calls, true);
            this.maxQueue = maxQueue;
            this.retryAfterSeconds = retryAfterSeconds;
        }
        return this;
    }

    /** {@link #width(int, int, int)} with a queue that never refuses. */
    public FakeModelServer width(int calls) {
        return width(calls, Integer.MAX_VALUE, 0);
    }

    /** The most chat calls the server worked on at once (after {@link #width}: never more than it). */
    public int mostWorkedOn() {
        return mostWorkedOn.get();
    }

    /** The chat calls refused because the queue was full. */
    public int refusedBusy() {
        return refusedBusy.get();
    }

    /** Lists OpenAI embeddings last to first (still each with its {@code index}), to prove clients sort them. */
    public FakeModelServer reverseEmbeddingOrder(boolean reverse) {
        this.reverseEmbeddingOrder = reverse;
        return this;
    }

    /** Every request received so far (not {@code /__shutdown}), in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests received on one path, e.g. {@code /api/chat}. */
    public List<RecordedRequest> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Whether the server has stopped (closed, shut down, or idle too long). */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            handlers.shutdownNow();
            idleWatch.shutdownNow();
        }
    }

    private void handle(HttpExchange exchange) {
        lastActivity = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        try {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (path.equals(SHUTDOWN)) {
                send(exchange, 200, "application/json", "{}", Map.of());
                exchange.close();
                Thread stopper = new Thread(this::close, "fake-model-server-shutdown");
                stopper.setDaemon(true);
                stopper.start();
                return;
            }
            RecordedRequest request = record(exchange, path, body);
            Route route = routes.get(path);
            if (path.equals("/") && exchange.getRequestMethod().equals("GET")) {
                send(exchange, 200, "text/plain; charset=utf-8", "Ollama is running", Map.of());
            } else if (route == null || !exchange.getRequestMethod().equals("POST")) {
                send(exchange, 404, "text/plain; charset=utf-8", "404 page not found", Map.of());
            } else if (request.json() == null) {
                sendJson(exchange, 400, route.wire().badRequest("the request body is not a JSON object"));
            } else if (route.embeddings() || slots == null) {
                answer(exchange, route, request.json(), nextReply(route, request.model()));
            } else {
                answerInTurn(exchange, route, request);
            }
        } catch (IOException clientGone) {
            // the client gave up (timeout, abort); nothing to answer
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private RecordedRequest record(HttpExchange exchange, String path, String body) {
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.isEmpty() ? "" : values.get(0)));
        JsonObject json = null;
        try {
            JsonElement parsed = JsonParser.parseString(body);
            json = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (JsonParseException notJson) {
            // recorded raw
        }
        RecordedRequest request = new RecordedRequest(exchange.getRequestMethod(), path, Map.copyOf(headers), body, json);
        requests.add(request);
        listeners.forEach(listener -> listener.accept(request));
        return request;
    }

    /** Answers a chat call when one of the {@link #width} slots is free, or refuses it when the queue is full. */
    private void answerInTurn(HttpExchange exchange, Route route, RecordedRequest request)
            throws IOException, InterruptedException {
        java.util.concurrent.Semaphore turns = slots;
        if (turns.getQueueLength() >= maxQueue) {
            refusedBusy.incrementAndGet();
            Map<String, String> headers = retryAfterSeconds > 0
                    ? Map.of("Retry-After", Integer.toString(retryAfterSeconds))
                    : Map.of();
            if (route.wire() instanceof OllamaWire) {
                send(exchange, 503, "application/json; charset=utf-8",
                        "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}", headers);
            } else {
                send(exchange, 429, "application/json; charset=utf-8", "{\"error\":{\"message\":\"Rate limit reached "
                        + "for requests\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}",
                        headers);
            }
            return;
        }
        turns.acquire();
        try {
            int now = workedOn.incrementAndGet();
            mostWorkedOn.accumulateAndGet(now, Math::max);
            answer(exchange, route, request.json(), nextReply(route, request.model()));
        } finally {
            workedOn.decrementAndGet();
            turns.release();
        }
    }

    private Reply nextReply(Route route, String model) {
        synchronized (scripts) {
            Deque<Reply> replies = scripts.get(model);
            if (replies == null) {
                return route.embeddings() ? Reply.content("") : Reply.missingModel();
            }
            return replies.size() > 1 ? replies.poll() : replies.peek();
        }
    }

    private void answer(HttpExchange exchange, Route route, JsonObject request, Reply reply)
            throws IOException, InterruptedException {
        ServerWire wire = route.wire();
        if (reply instanceof Reply.Obeys obeys) {
            String messages = request.has("messages") ? request.get("messages").toString() : "";
            JsonElement text = com.google.gson.JsonParser.parseString(messages.isEmpty() ? "[]" : messages);
            StringBuilder all = new StringBuilder();
            text.getAsJsonArray().forEach(m -> all.append(m.getAsJsonObject().get("content").getAsString()).append('\n'));
            answer(exchange, route, request, obeys.pattern().matcher(all).find() ? obeys.obeyed() : obeys.honest());
            return;
        }
        if (reply instanceof Reply.Delay delay) {
            Thread.sleep(delay.millis());
            answer(exchange, route, request, delay.then());
        } else if (reply instanceof Reply.Drip drip) {
            drip(exchange, drip.intervalMillis());
        } else if (reply instanceof Reply.Reset) {
            // closing the exchange without a response closes the connection: the client sees no answer
            return;
        } else if (reply instanceof Reply.CutMidBody cut) {
            byte[] whole = ServerWire.GSON.toJson(wire.chat(request, cut.text(), "stop", false))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(200, whole.length);
            OutputStream out = exchange.getResponseBody();
            out.write(whole, 0, whole.length / 2);
            out.flush();
            // the exchange, closed with bytes still owed, closes the connection mid-body
        } else if (reply instanceof Reply.Status status) {
            send(exchange, status.code(), "application/json", status.body(), status.headers());
        } else if (reply instanceof Reply.NotJson notJson) {
            send(exchange, 200, "text/plain; charset=utf-8", notJson.raw(), Map.of());
        } else if (reply instanceof Reply.MissingModel) {
            sendJson(exchange, 404, wire.modelNotFound(ServerWire.model(request)));
        } else if (route.embeddings()) {
            sendJson(exchange, 200, wire.embeddings(request, reverseEmbeddingOrder));
        } else if (reply instanceof Reply.Refusal refusal) {
            sendJson(exchange, 200, wire.chat(request, refusal.text(), "stop", true));
        } else {
            Reply.Content content = (Reply.Content) reply;
            sendJson(exchange, 200, wire.chat(request, content.text(), content.finishReason(), false));
        }
    }

    private void drip(HttpExchange exchange, long intervalMillis) throws IOException, InterruptedException {
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long end = System.nanoTime() + IDLE_LIMIT.toNanos();
        while (!closed.get() && System.nanoTime() < end) {
            out.write(' ');
            out.flush();
            lastActivity = System.nanoTime();
            Thread.sleep(intervalMillis);
        }
    }

    private static void sendJson(HttpExchange exchange, int status, JsonObject body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", ServerWire.GSON.toJson(body), Map.of());
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
            Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void stopWhenIdle() {
        if (System.nanoTime() - lastActivity > IDLE_LIMIT.toNanos()) {
            close();
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
