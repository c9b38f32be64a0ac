package dev.scrum.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a file so that a reader, or a run killed half-way, never sees it half-written. The file gets the
 * permissions of any file the build creates (the umask decides: {@code 0644} on a default system), or keeps
 * those of the file it replaces, so that a CI step running as another user can read it.
 */
public final class AtomicFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFile() {}

    /**
     * Writes {@code content} as UTF-8 to a temporary file beside {@code target}, then moves it into place; on
     * failure the previous {@code target} is left as it was and the temporary file is removed.
     */
    public static void write(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to a temporary file beside {@code target}, then moves it into place, as above. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = createTemporary(dir, target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new, empty {@code .name.<random>.tmp} in {@code dir}, created like any file (its permissions are the
     * umask's), unlike {@link Files#createTempFile}, which makes it readable by its owner only.
     */
    private static Path createTemporary(Path dir, String name) throws IOException {
        byte[] bytes = new byte[8];
        while (true) {
            RANDOM.nextBytes(bytes);
            Path tmp = dir.resolve("." + name + "." + HexFormat.of().formatHex(bytes) + ".tmp");
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException taken) {
                // another writer's temporary file: draw another name
            }
        }
    }

    /** Gives {@code tmp} the POSIX permissions of {@code target} when it exists (a file someone chmod-ed). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null || !Files.exists(target)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
        } catch (NoSuchFileException gone) {
            // removed since: there is nothing to keep, and tmp keeps the umask's permissions
        }
    }
}
