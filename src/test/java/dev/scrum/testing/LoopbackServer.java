package dev.scrum.testing;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The JDK HTTP server on 127.0.0.1 that the fake forges ({@link FakeGitHub}, {@link FakeGitLab}, {@link FakeGitea})
 * run on, with daemon handler threads, and the exchange's JSON in and out.
 */
final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService handlers;

    /** Starts serving {@code handler} on {@code port} (0: a free one); threads named {@code name}. */
    LoopbackServer(String name, int port, HttpHandler handler) {
        handlers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            handlers.shutdownNow();
            throw new UncheckedIOException("cannot start " + name + " on port " + port, e);
        }
        server.setExecutor(handlers);
        server.createContext("/", handler);
        server.start();
    }

    /** {@code http://127.0.0.1:PORT} and {@code path}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The request's body parsed as a JSON object, or {@code null} when it is empty or not one. */
    static JsonObject body(HttpExchange exchange) throws IOException {
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            JsonElement parsed = raw.isBlank() ? null : JsonParser.parseString(raw);
            return parsed != null && parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    /** The request's path with its query. */
    static String pathAndQuery(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static void send(HttpExchange exchange, int status, String contentType, String body, Map<String, String> headers)
            throws IOException {
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

    /**
     * The value of {@code invoker.environmentVariables.<variable>} in the invoker project's {@code
     * invoker.properties}: where a fake started by its setup hook listens.
     */
    static String invokerEnvironment(Path basedir, String variable) throws IOException {
        Properties invoker = new Properties();
        try (var in = Files.newBufferedReader(basedir.resolve("invoker.properties"), StandardCharsets.UTF_8)) {
            invoker.load(in);
        }
        String value = invoker.getProperty("invoker.environmentVariables." + variable);
        if (value == null) {
            throw new IOException("invoker.properties sets no invoker.environmentVariables." + variable);
        }
        return value.strip();
    }

    /**
     * Writes a request a fake received to {@code folder/NNNN.json} ({@code number}: its place in the fake's log):
     * method, path with query, the {@code Authorization} as the fake shows it (masked), the body.
     */
    static void writeDown(Path folder, int number, String method, String path, String authorization, JsonObject body) {
        JsonObject file = new JsonObject();
        file.addProperty("method", method);
        file.addProperty("path", path);
        file.addProperty("authorization", authorization);
        file.add("body", body);
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(String.format("%04d.json", number)),
                    new GsonBuilder().disableHtmlEscaping().create().toJson(file) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asks the fake at {@code shutdown} (its {@code POST /__shutdown}) to stop; nothing when it is already gone. */
    static void requestShutdown(URI shutdown) throws IOException {
        var connection = (HttpURLConnection) shutdown.toURL().openConnection();
        try {
            connection.setRequestMethod("POST");
            connection.setConnectTimeout(5_000);
            connection.getResponseCode();
        } catch (ConnectException alreadyStopped) {
            // nothing to stop
        } finally {
            connection.disconnect();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
