package dev.scrum.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the code-scanning reports' paths start: the root of the git work tree holding the project (the nearest
 * directory at or above it with a {@code .git}), else the project's base directory. GitHub code scanning and
 * GitLab resolve paths against the repository's root, so a project in a subdirectory of its repository gets
 * that subdirectory in front of its files' paths.
 *
 * @param root the directory paths are relative to
 * @param prefix the project's base directory relative to {@code root}, with {@code /} and a trailing {@code /},
 *     or {@code ""}
 */
record SourceRoot(Path root, String prefix) {

    /** For a project at {@code baseDir}. */
    public static SourceRoot of(Path baseDir) {
        Path base = baseDir.toAbsolutePath().normalize();
        for (Path dir = base; dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(".git"))) {
                String relative = dir.relativize(base).toString().replace('\\', '/');
                return new SourceRoot(dir, relative.isEmpty() ? "" : relative + "/");
            }
        }
        return new SourceRoot(base, "");
    }

    /** A path relative to the project's base directory, made relative to the root. */
    public String path(String file) {
        return prefix + file;
    }

    /** {@link #path} as a relative URI reference (percent-encoded where a URI needs it). */
    public String uri(String file) {
        return encode(path(file));
    }

    /**
     * A file named by an absolute path, or by one relative to the project: its relative URI when it lies under
     * the root, else {@code null}.
     */
    public String uriOfPath(Path file) {
        Path abs = (file.isAbsolute() ? file : root.resolve(prefix).resolve(file)).normalize();
        return abs.startsWith(root) ? encode(root.relativize(abs).toString().replace('\\', '/')) : null;
    }

    /** The root as an absolute {@code file:} URI ending in {@code /}. */
    public String rootUri() {
        String uri = root.toUri().toASCIIString();
        return uri.endsWith("/") ? uri : uri + "/";
    }

    private static String encode(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a path: " + path, e);
        }
    }
}
