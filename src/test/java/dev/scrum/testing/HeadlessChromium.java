package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven through the Chrome DevTools Protocol over the JDK's WebSocket client: load
 * a page, run script in it, click and type as a user does, take screenshots, and collect the page's errors (script
 * exceptions, console errors, Content-Security-Policy violations). Started with the flags this machine needs (no
 * background networking: the network is closed) and a new empty profile, which {@link #close()} deletes.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Where Debian's {@code chromium} package puts the browser. */
    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final List<JsonObject> events = Collections.synchronizedList(new ArrayList<>());

    private HeadlessChromium(Process process, Path profile, URI page) {
        this.process = process;
        this.profile = profile;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(TIMEOUT)
                .buildAsync(page, new Listener()).join();
    }

    /** Whether the browser is installed. */
    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** Starts the browser with a window of {@code width} by {@code height} CSS pixels and attaches to its tab. */
    public static HeadlessChromium start(int width, int height) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("scrum-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, "--remote-debugging-port=0",
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI browser = listeningOn(process);
            URI list = URI.create("http://" + browser.getAuthority() + "/json/list");
            HttpResponse<String> targets = HttpClient.newHttpClient().send(HttpRequest.newBuilder(list).timeout(TIMEOUT)
                    .build(), HttpResponse.BodyHandlers.ofString());
            for (JsonElement t : JsonParser.parseString(targets.body()).getAsJsonArray()) {
                JsonObject target = t.getAsJsonObject();
                if ("page".equals(target.get("type").getAsString())) {
                    HeadlessChromium chromium = new HeadlessChromium(process, profile,
                            URI.create(target.get("webSocketDebuggerUrl").getAsString()));
                    chromium.send("Runtime.enable", new JsonObject());
                    chromium.send("Log.enable", new JsonObject());
                    chromium.send("Page.enable", new JsonObject());
                    return chromium;
                }
            }
            throw new IOException("Chromium opened no page: " + targets.body());
        } catch (IOException | RuntimeException | InterruptedException e) {
            stop(process, profile);
            throw e;
        }
    }

    /** The browser's DevTools address, read from what it prints at start. */
    private static URI listeningOn(Process process) throws IOException {
        CompletableFuture<URI> found = new CompletableFuture<>();
        StringBuilder said = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = err.readLine()) != null; ) {
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        found.complete(URI.create(m.group(1)));
                    } else if (!found.isDone() && said.length() < 4000) {
                        said.append(line).append('\n');
                    }
                }
                found.completeExceptionally(new IOException("Chromium ended before listening: " + said));
            } catch (IOException e) {
                found.completeExceptionally(e);
            }
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        try {
            return found.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("Chromium did not open its DevTools port: " + said, e);
        }
    }

    /** Sends a DevTools command and waits for its result. */
    public JsonObject send(String method, JsonObject params) {
        int id = ids.incrementAndGet();
        JsonObject message = new JsonObject();
        message.addProperty("id", id);
        message.addProperty("method", method);
        message.add("params", params);
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        socket.sendText(message.toString(), true).join();
        JsonObject answer;
        try {
            answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer", e);
        } finally {
            pending.remove(id);
        }
        if (answer.has("error")) {
            throw new IllegalStateException(method + " failed: " + answer.get("error"));
        }
        return answer.getAsJsonObject("result");
    }

    /** Opens {@code file} and waits for its load event (the page's scripts have run). */
    public void open(Path file) {
        events.clear();
        JsonObject params = new JsonObject();
        params.addProperty("url", file.toAbsolutePath().toUri().toString());
        send("Page.navigate", params);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (events.stream().noneMatch(e -> "Page.loadEventFired".equals(e.get("method").getAsString()))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not load: " + file);
            }
            pause();
        }
    }

    /** Evaluates a JavaScript expression in the page; its value as JSON (a promise is awaited). */
    public JsonElement eval(String expression) {
        JsonObject params = new JsonObject();
        params.addProperty("expression", expression);
        params.addProperty("returnByValue", true);
        params.addProperty("awaitPromise", true);
        params.addProperty("userGesture", true);
        JsonObject result = send("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + expression + ": " + result.get("exceptionDetails"));
        }
        JsonObject value = result.getAsJsonObject("result");
        return value.has("value") ? value.get("value") : null;
    }

    /** Evaluates {@code expression} until it is {@code true}. */
    public void waitUntil(String expression) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            JsonElement v = eval(expression);
            if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean() && v.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("never true: " + expression);
            }
            pause();
        }
    }

    /** A real click, as a mouse does it, in the middle of the first element {@code selector} matches. */
    public void click(String selector) {
        JsonElement box = eval("(() => { const e = document.querySelector(" + new Gson().toJson(selector) + ");"
                + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
                + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
        if (box == null || box.isJsonNull()) {
            throw new IllegalStateException("nothing to click: " + selector);
        }
        double x = box.getAsJsonObject().get("x").getAsDouble();
        double y = box.getAsJsonObject().get("y").getAsDouble();
        mouse("mouseMoved", x, y);
        mouse("mousePressed", x, y);
        mouse("mouseReleased", x, y);
    }

    private void mouse(String type, double x, double y) {
        JsonObject params = new JsonObject();
        params.addProperty("type", type);
        params.addProperty("x", x);
        params.addProperty("y", y);
        if (!type.equals("mouseMoved")) {
            params.addProperty("button", "left");
            params.addProperty("clickCount", 1);
        }
        send("Input.dispatchMouseEvent", params);
    }

    /** Types {@code text} into the focused element, as a keyboard does (input events fire). */
    public void type(String text) {
        JsonObject params = new JsonObject();
        params.addProperty("text", text);
        send("Input.insertText", params);
    }

    /** A PNG of the whole page, beyond the window, scrolled to its top (where sticky elements belong). */
    public byte[] screenshot() {
        eval("window.scrollTo(0, 0)");
        JsonObject size = send("Page.getLayoutMetrics", new JsonObject()).getAsJsonObject("cssContentSize");
        JsonObject clip = new JsonObject();
        clip.addProperty("x", 0);
        clip.addProperty("y", 0);
        clip.add("width", size.get("width"));
        clip.add("height", size.get("height"));
        clip.addProperty("scale", 1);
        JsonObject params = new JsonObject();
        params.addProperty("format", "png");
        params.addProperty("captureBeyondViewport", true);
        params.add("clip", clip);
        return Base64.getDecoder().decode(send("Page.captureScreenshot", params).get("data").getAsString());
    }

    /** Script exceptions, console errors and browser errors (a blocked script or resource among them), as text. */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        synchronized (events) {
            for (JsonObject e : events) {
                String method = e.get("method").getAsString();
                JsonObject p = e.getAsJsonObject("params");
                if (method.equals("Runtime.exceptionThrown")) {
                    out.add("exception: " + p.getAsJsonObject("exceptionDetails"));
                } else if (method.equals("Log.entryAdded") && "error".equals(p.getAsJsonObject("entry").get("level")
                        .getAsString())) {
                    out.add("log: " + p.getAsJsonObject("entry").get("text").getAsString());
                } else if (method.equals("Runtime.consoleAPICalled") && "error".equals(p.get("type").getAsString())) {
                    out.add("console: " + p.get("args"));
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        socket.abort();
        stop(process, profile);
    }

    private static void stop(Process process, Path profile) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> walk = Files.walk(profile)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is harmless
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Collects a message's fragments, then hands it to its waiting command or to the events. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonObject message = JsonParser.parseString(text.toString()).getAsJsonObject();
                text.setLength(0);
                if (message.has("id")) {
                    CompletableFuture<JsonObject> reply = pending.get(message.get("id").getAsInt());
                    if (reply != null) {
                        reply.complete(message);
                    }
                } else if (message.has("method")) {
                    events.add(message);
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** The texts of a JSON array of strings. */
    public static List<String> strings(JsonElement array) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : (JsonArray) array) {
            out.add(e.isJsonNull() ? null : e.getAsString());
        }
        return out;
    }
}
