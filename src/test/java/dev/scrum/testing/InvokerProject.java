package dev.scrum.testing;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.scrum.report.ReportLayout;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What an invoker project's {@code verify.groovy} reads: the files the build wrote, its log, and the
 * requests {@link FakeModelServer} received. Verify scripts call {@code new InvokerProject(basedir)}.
 */
public final class InvokerProject {

    private static final Gson GSON = new Gson();
    private final Path basedir;

    public InvokerProject(File basedir) {
        this.basedir = basedir.toPath();
    }

    /** A file of the project, as text. */
    public String text(String relative) {
        try {
            return Files.readString(basedir.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean exists(String relative) {
        return Files.exists(basedir.resolve(relative));
    }

    /** A JSON file of the project, as maps and lists. */
    public Map<String, Object> json(String relative) {
        return GSON.fromJson(text(relative), new TypeToken<Map<String, Object>>() {}.getType());
    }

    /** The review of {@code file} in a {@code scrum/} directory of the project, as maps and lists. */
    public Map<String, Object> review(String scrumDirectory, String file) {
        return json(scrumDirectory + "/" + reviewName(file));
    }

    /** The name of {@code file}'s review in a {@code scrum/} directory ({@link ReportLayout#reviewFileName}). */
    public static String reviewName(String file) {
        return ReportLayout.reviewFileName(file);
    }

    /** The build's log. */
    public String buildLog() {
        return text("build.log");
    }

    /** Every request the fake server received, in order: {@code method}, {@code path}, {@code headers}, {@code body}. */
    public List<Map<String, Object>> requests() {
        Path dir = basedir.resolve("fake-server-requests");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json"))
                    .sorted()
                    .map(p -> json(basedir.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The requests to one path, e.g. {@code /api/chat}. */
    public List<Map<String, Object>> requests(String path) {
        return requests().stream().filter(r -> path.equals(r.get("path"))).toList();
    }

    /** Stops the project's fake server, if it started one. */
    public void stopServer() throws IOException {
        FakeModelServer.shutdownForInvoker(basedir.toFile());
    }
}
