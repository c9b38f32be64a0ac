package dev.scrum.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeyTest {

    @TempDir
    Path tmp;

    @Test
    void aKeyFileIsMadeOwnerOnlyOnFirstUseAndReused() throws Exception {
        Path file = tmp.resolve("home/.scrum-cache-key");
        CacheKey first = CacheKey.ofFile(file);
        String text = Files.readString(file);
        assertTrue(text.strip().matches("[0-9a-f]{64}"), "64 hex digits");
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        CacheKey again = CacheKey.ofFile(file);
        assertEquals(text, Files.readString(file), "never overwritten");
        assertTrue(again.verifies("x", first.mac("x")));
        assertEquals("CacheKey[hidden]", first.toString());
    }

    @Test
    void theEnvironmentWinsOverTheFileInHexOrBase64() throws Exception {
        Path file = tmp.resolve("key");
        CacheKey hex = new CacheKeySource("ab".repeat(32), file).load();
        assertFalse(Files.exists(file), "no key file is made when the variable is set");
        CacheKey base64 = new CacheKeySource(java.util.Base64.getEncoder().encodeToString(
                java.util.HexFormat.of().parseHex("ab".repeat(32))), file).load();
        assertTrue(base64.verifies("x", hex.mac("x")));
        assertFalse(CacheKeySource.ofFile(file).load().verifies("x", hex.mac("x")));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> CacheKey.parse("abcd"));
        assertTrue(tooShort.getMessage().contains(CacheKey.VARIABLE));
        assertFalse(tooShort.getMessage().contains("abcd"), "the value is never in a message");
    }

    @Test
    void anUnreadableKeyFileIsAnErrorNamingItAndIsNotOverwritten() throws Exception {
        Path file = tmp.resolve("key");
        Files.writeString(file, "not a key");
        java.io.IOException e = assertThrows(java.io.IOException.class, () -> CacheKey.ofFile(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("not a key", Files.readString(file));
    }

    @Test
    void buildsMakingTheKeyAtOnceAgreeOnOne() throws Exception {
        Path file = tmp.resolve("shared/key");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<CacheKey>> tasks = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                tasks.add(() -> CacheKey.ofFile(file));
            }
            List<Future<CacheKey>> keys = pool.invokeAll(tasks);
            String mac = keys.get(0).get().mac("x");
            for (Future<CacheKey> k : keys) {
                assertEquals(mac, k.get().mac("x"));
            }
            try (var files = Files.list(file.getParent())) {
                assertEquals(List.of("key"), files.map(p -> p.getFileName().toString()).toList(), "no leftovers");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theVariableWinsOverAnExistingKeyFileWhichIsLeftAlone() throws Exception {
        Path file = tmp.resolve("key");
        CacheKey fromFile = CacheKey.ofFile(file);
        String text = Files.readString(file);
        CacheKey fromVariable = new CacheKeySource("cd".repeat(32), file).load();
        assertFalse(fromVariable.verifies("x", fromFile.mac("x")), "the variable's key, not the file's");
        assertTrue(fromVariable.verifies("x", CacheKey.parse("cd".repeat(32)).mac("x")));
        assertEquals(text, Files.readString(file));
        assertEquals(CacheKeySource.ofFile(file), new CacheKeySource("  ", file), "a blank variable is unset");
        assertEquals("the environment variable SCRUM_CACHE_KEY", new CacheKeySource("cd".repeat(32), file).toString());
    }

    @Test
    void aMalformedVariableIsRefusedWithoutQuotingAnyOfIt() {
        String secret = "zz!!" + "q".repeat(60);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CacheKey.parse(secret));
        assertEquals("SCRUM_CACHE_KEY is neither hexadecimal nor base64: set it to 32 random bytes, e.g. the output "
                + "of openssl rand -hex 32", e.getMessage());
        assertEquals(null, e.getCause(), "the decoder's message would quote a character of it");
    }

    @Test
    void aMacIsCheckedWhole() {
        CacheKey key = CacheKey.parse("ab".repeat(32));
        String mac = key.mac("entry");
        assertTrue(key.verifies("entry", mac));
        assertTrue(key.verifies("entry", mac.toUpperCase()), "hex digits of either case");
        assertFalse(key.verifies("entry!", mac));
        assertFalse(key.verifies("entry", mac.substring(0, 62)), "a shortened MAC");
        assertFalse(key.verifies("entry", mac.substring(0, 63) + (mac.charAt(63) == '0' ? '1' : '0')));
        assertFalse(key.verifies("entry", null));
        assertFalse(key.verifies("entry", "g".repeat(64)));
    }
}
