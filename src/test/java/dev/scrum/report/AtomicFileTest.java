package dev.scrum.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    @TempDir
    Path dir;

    private static void assumePosix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    private Set<PosixFilePermission> permissionsOfAPlainFile() throws IOException {
        return Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsNotOwnerOnly() throws IOException {
        assumePosix();
        Path report = dir.resolve("scrum/summary.json");

        AtomicFile.write(report, "{}\n");

        Set<PosixFilePermission> plain = permissionsOfAPlainFile();
        assertEquals(plain, Files.getPosixFilePermissions(report), "as Files.createFile makes them in the same dir");
        if (plain.contains(PosixFilePermission.OTHERS_READ)) {
            assertTrue(Files.getPosixFilePermissions(report).contains(PosixFilePermission.GROUP_READ),
                    "a umask of 022 lets group and others read it");
        }
        assertEquals("{}\n", Files.readString(report));
    }

    @Test
    void underUmask022TheFileIs0644() throws IOException {
        assumePosix();
        assumeTrue(permissionsOfAPlainFile().equals(PosixFilePermissions.fromString("rw-r--r--")), "umask 022");
        Path report = dir.resolve("scrum-report.md");

        AtomicFile.write(report, "# report\n");

        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        assumePosix();
        Path report = dir.resolve("scrum-report.md");
        AtomicFile.write(report, "old");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw----"));

        AtomicFile.write(report, "new");

        assertEquals("new", Files.readString(report));
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(report)));
    }

    @Test
    void aFailedWriteKeepsWhatWasThereAndLeavesNoTemporaryFile() throws IOException {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/inside"), "x");

        assertThrows(IOException.class, () -> AtomicFile.write(dir.resolve("taken"), "cannot replace a directory"));

        assertEquals("x", Files.readString(dir.resolve("taken/inside")));
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file is left");
        }
    }

    @Test
    void temporaryFilesBesideTheTargetNeverClash() throws IOException {
        Path report = dir.resolve("summary.json");
        for (int i = 0; i < 20; i++) {
            AtomicFile.write(report, "run " + i);
        }
        assertEquals("run 19", Files.readString(report));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
