package dev.scrum.boundary;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a run may read of a project: a file whose real path (every symbolic link resolved) lies under the
 * project's directory and not under its build directory. A link that leads out of the project, or into the
 * build directory, is named with where it leads, and never read; a link to a directory is never descended.
 * Only paths are resolved here: no content is read.
 *
 * @param root the project's base directory (links in it are resolved at each check)
 * @param buildDirectory its build directory, whose files are never reviewed, or {@code null}
 */
public record ProjectBoundary(Path root, Path buildDirectory) {

    /** How the reason of a path refused for where it leads starts: {@code a link to a file outside the project …}. */
    public static final String LINK = "a link";

    public ProjectBoundary {
        root = root.toAbsolutePath().normalize();
        buildDirectory = buildDirectory == null ? null : buildDirectory.toAbsolutePath().normalize();
    }

    /**
     * Why the selected file at {@code path} may not be read, or {@code null} when it may: {@code a link to a file
     * outside the project (/home/u/.aws/credentials): links are not followed out of the project}, {@code a link
     * into the build directory (target/x.java): …}, {@code a link to a directory (src/shared): …}, or {@code in
     * the build directory (target/G.java): …}.
     *
     * @throws IOException when the path or the project's directory cannot be resolved (a link to nothing)
     */
    public String refusal(Path path) throws IOException {
        Path realRoot = root.toRealPath();
        Path absolute = path.toAbsolutePath().normalize();
        Path real = absolute.toRealPath();
        boolean linked = !real.equals(absolute)
                && !(absolute.startsWith(root) && real.equals(realRoot.resolve(root.relativize(absolute))));
        boolean directory = Files.isDirectory(real);
        if (!real.startsWith(realRoot)) {
            return (linked ? LINK + " to a " : "a ") + (directory ? "directory" : "file") + " outside the project ("
                    + real + "): links are not followed out of the project, so it is never read";
        }
        Path realBuild = realBuildDirectory(realRoot);
        if (realBuild != null && real.startsWith(realBuild)) {
            return (linked ? LINK + " into the build directory (" : "in the build directory (") + relative(realRoot, real)
                    + "): files under the build directory are never reviewed";
        }
        if (directory) {
            return LINK + " to a directory (" + relative(realRoot, real) + "): links to directories are not followed; "
                    + "the files are reviewed where they are, when selected there";
        }
        return null;
    }

    /**
     * The real path to read the file at {@code path} through (open it with {@code LinkOption.NOFOLLOW_LINKS}).
     *
     * @throws IOException when it may not be read (the message says why) or cannot be resolved
     */
    public Path readable(Path path) throws IOException {
        String refused = refusal(path);
        if (refused != null) {
            throw new IOException(root.relativize(path.toAbsolutePath().normalize()) + " is not read: " + refused);
        }
        return path.toAbsolutePath().normalize().toRealPath();
    }

    /**
     * Whether {@code document}'s real path lies under the project's (a document that does not exist is judged by
     * its path as written: reading it fails later, and says so).
     */
    public boolean contains(Path document) {
        Path absolute = document.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            return absolute.startsWith(root) || absolute.startsWith(real(root));
        }
        return real(absolute).startsWith(real(root));
    }

    /** The real path of {@code path}, or its absolute path when it does not exist. */
    public static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            return absolute;
        }
    }

    private Path realBuildDirectory(Path realRoot) {
        if (buildDirectory == null) {
            return null;
        }
        if (Files.exists(buildDirectory)) {
            return real(buildDirectory);
        }
        return buildDirectory.startsWith(root) ? realRoot.resolve(root.relativize(buildDirectory)) : buildDirectory;
    }

    private static String relative(Path realRoot, Path real) {
        return realRoot.relativize(real).toString().replace(File.separatorChar, '/');
    }
}
