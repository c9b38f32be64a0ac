package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Writes each request the server receives, as it arrives, to {@code NNNN-<path>.json} in one folder (the
 * path without its leading {@code /}, each {@code /} as {@code _}: {@code 0001-api_chat.json}), pretty
 * printed as {@code {"method", "path", "headers", "body"}}, the body parsed when it is JSON.
 */
final class RequestFiles implements Consumer<RecordedRequest> {
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private final Path folder;
    private final AtomicInteger count = new AtomicInteger();

    RequestFiles(Path folder) {
        this.folder = folder;
    }

    @Override
    public void accept(RecordedRequest request) {
        JsonObject file = new JsonObject();
        file.addProperty("method", request.method());
        file.addProperty("path", request.path());
        file.add("headers", PRETTY.toJsonTree(request.headers()));
        file.add("body", request.json() != null ? request.json() : new JsonPrimitive(request.body()));
        String name = String.format("%04d-%s.json", count.incrementAndGet(),
                request.path().replaceFirst("^/", "").replace('/', '_'));
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(name), PRETTY.toJson(file) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record " + name + " in " + folder, e);
        }
    }
}
