package dev.scrum.testing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoker project's {@code fake-server.json}: the replies of each model, in order.
 *
 * <pre>{@code
 * {"models": {"qwen3.5:latest": [
 *     {"content": "..."}, {"contentFile": "answers/x.md"}, {"length": "..."}, {"refusal": "..."},
 *     {"status": 429, "body": "...", "headers": {"Retry-After": "1"}}, {"notJson": "..."},
 *     {"missing": true}, {"drip": 200}, {"reset": true}, {"cutMidBody": "..."},
 *     {"delayMs": 100, "content": "..."},
 *     {"obeys": "(?i)score (this|it) 10", "then": {"contentFile": "answers/10.json"}, "else": {...}}]}}
 * }</pre>
 *
 * {@code contentFile} is relative to the project's base directory; {@code delayMs} delays whatever else the
 * entry says; {@code obeys} stands in for a model that follows text addressing it: when the request's messages
 * match the pattern it answers {@code then}, else {@code else}.
 */
final class InvokerScript {
    static final String FILE_NAME = "fake-server.json";

    private InvokerScript() {}

    /** The scripts in {@code basedir/fake-server.json}, or none when there is no such file. */
    static Map<String, List<Reply>> load(Path basedir) {
        Path file = basedir.resolve(FILE_NAME);
        Map<String, List<Reply>> scripts = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return scripts;
        }
        JsonObject models = JsonParser.parseString(read(file)).getAsJsonObject().getAsJsonObject("models");
        if (models == null) {
            return scripts;
        }
        for (Map.Entry<String, JsonElement> model : models.entrySet()) {
            List<Reply> replies = new ArrayList<>();
            for (JsonElement entry : model.getValue().getAsJsonArray()) {
                replies.add(reply(entry.getAsJsonObject(), basedir));
            }
            scripts.put(model.getKey(), replies);
        }
        return scripts;
    }

    private static Reply reply(JsonObject entry, Path basedir) {
        Reply reply = bareReply(entry, basedir);
        return entry.has("delayMs") ? Reply.delay(entry.get("delayMs").getAsLong(), reply) : reply;
    }

    private static Reply bareReply(JsonObject entry, Path basedir) {
        if (entry.has("obeys")) {
            return Reply.obeys(entry.get("obeys").getAsString(), reply(entry.getAsJsonObject("then"), basedir),
                    reply(entry.getAsJsonObject("else"), basedir));
        }
        if (entry.has("content")) {
            return Reply.content(entry.get("content").getAsString());
        }
        if (entry.has("contentFile")) {
            return Reply.content(read(basedir.resolve(entry.get("contentFile").getAsString())));
        }
        if (entry.has("length")) {
            return Reply.contentLength(entry.get("length").getAsString());
        }
        if (entry.has("refusal")) {
            return Reply.refusal(entry.get("refusal").getAsString());
        }
        if (entry.has("status")) {
            Reply.Status status = Reply.status(entry.get("status").getAsInt(),
                    entry.has("body") ? entry.get("body").getAsString() : "");
            if (entry.has("headers")) {
                for (Map.Entry<String, JsonElement> header : entry.getAsJsonObject("headers").entrySet()) {
                    status = status.withHeader(header.getKey(), header.getValue().getAsString());
                }
            }
            return status;
        }
        if (entry.has("notJson")) {
            return Reply.notJson(entry.get("notJson").getAsString());
        }
        if (entry.has("missing")) {
            return Reply.missingModel();
        }
        if (entry.has("drip")) {
            return Reply.drip(entry.get("drip").getAsLong());
        }
        if (entry.has("reset")) {
            return Reply.reset();
        }
        if (entry.has("cutMidBody")) {
            return Reply.cutMidBody(entry.get("cutMidBody").getAsString());
        }
        throw new IllegalArgumentException(FILE_NAME + ": an entry needs content, contentFile, length, refusal, "
                + "status, notJson, missing, drip, reset or cutMidBody: " + entry);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
