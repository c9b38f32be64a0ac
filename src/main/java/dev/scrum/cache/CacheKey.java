package dev.scrum.cache;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret cache entries are sealed with: an HMAC-SHA-256 key of at least 32 bytes, kept outside the cache
 * directory, so that whoever can write the cache (a CI cache restored from a pull request's job) cannot write an
 * entry this build trusts. It comes from {@value #VARIABLE} (64 or more hexadecimal digits, or base64 of 32 or
 * more bytes) or from a key file of 64 hexadecimal digits, made on first use from {@link SecureRandom} with
 * permissions 0600 where the file system has POSIX permissions. Its bytes are never printed.
 */
public final class CacheKey {

    /** The environment variable a CI secret hands the key in. */
    public static final String VARIABLE = "SCRUM_CACHE_KEY";

    /** Bytes of a key made here; the least a given key may have. */
    static final int BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})+");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    private CacheKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /**
     * The key {@value #VARIABLE} holds: hexadecimal digits when it is only those (an even number), else base64
     * (standard or URL-safe).
     *
     * @throws IllegalArgumentException naming the variable and the fix, never its value
     */
    public static CacheKey parse(String text) {
        String t = text.strip();
        byte[] bytes;
        if (HEX.matcher(t).matches()) {
            bytes = HexFormat.of().parseHex(t);
        } else {
            try {
                bytes = (t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(t);
            } catch (IllegalArgumentException e) {
                // not chained: the decoder's message quotes a character of the secret
                throw new IllegalArgumentException(VARIABLE + " is neither hexadecimal nor base64: set it to 32 "
                        + "random bytes, e.g. the output of openssl rand -hex 32");
            }
        }
        if (bytes.length < BYTES) {
            throw new IllegalArgumentException(VARIABLE + " holds " + bytes.length + " bytes, fewer than " + BYTES
                    + ": set it to 32 random bytes, e.g. the output of openssl rand -hex 32");
        }
        return new CacheKey(bytes);
    }

    /**
     * The key in {@code file}, made first when there is none. Two builds making it at once agree on one: the key
     * is written whole to a temporary file beside it and linked into place only if no key is there yet, then
     * read back. An existing key file is never overwritten.
     *
     * @throws IOException when the file cannot be made or read, or does not hold 64 hexadecimal digits
     */
    public static CacheKey ofFile(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            create(file);
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (text.length() < 2 * BYTES || !HEX.matcher(text).matches()) {
            throw new IOException("the cache key file " + file + " does not hold " + 2 * BYTES
                    + " hexadecimal digits: remove it to have a new key made (the cache's entries will be reviewed "
                    + "again), or point cacheKeyFile elsewhere");
        }
        return new CacheKey(HexFormat.of().parseHex(text));
    }

    /** The MAC of {@code content}, as 64 hexadecimal digits. */
    public String mac(String content) {
        return HexFormat.of().formatHex(raw(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** The MAC of {@code content}, {@value #BYTES} bytes. */
    public byte[] mac(byte[] content) {
        return raw(content);
    }

    /** Whether {@code mac} is the MAC of {@code content} under this key, compared in constant time. */
    public boolean verifies(byte[] content, byte[] mac) {
        return mac != null && MessageDigest.isEqual(raw(content), mac);
    }

    /** Whether {@code mac} is the MAC of {@code content} under this key, compared in constant time. */
    public boolean verifies(String content, String mac) {
        if (mac == null || mac.length() != 2 * BYTES || !HEX.matcher(mac).matches()) {
            return false;
        }
        return MessageDigest.isEqual(raw(content.getBytes(StandardCharsets.UTF_8)), HexFormat.of().parseHex(mac));
    }

    @Override
    public String toString() {
        return "CacheKey[hidden]";
    }

    private byte[] raw(byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(ALGORITHM + " is unusable in this JVM", e);
        }
    }

    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        String text = HexFormat.of().formatHex(bytes) + "\n";
        boolean posix = Files.getFileStore(dir).supportsFileAttributeView("posix");
        List<FileAttribute<?>> owner = new ArrayList<>();
        if (posix) {
            owner.add(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        FileAttribute<?>[] attributes = owner.toArray(FileAttribute<?>[]::new);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", attributes);
        try {
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            try {
                Files.createLink(file, tmp);
            } catch (FileAlreadyExistsException another) {
                // another build made it first: its key is the one
            } catch (UnsupportedOperationException | FileSystemException noLinks) {
                createWithoutLink(file, text, attributes);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Where hard links are not supported: made only if absent, so an existing key is never overwritten. */
    private static void createWithoutLink(Path file, String text, FileAttribute<?>[] attributes) throws IOException {
        try {
            Files.write(Files.createFile(file, attributes), text.getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException another) {
            // another build made it first: its key is the one
        }
    }
}
