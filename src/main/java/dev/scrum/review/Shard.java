package dev.scrum.review;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One of {@code count} slices of the selected files, for spreading a review over a CI matrix: a file belongs
 * to slice {@code 1 + (h mod count)}, where {@code h} is the first 8 bytes of the SHA-256 of its path (UTF-8,
 * relative to the base directory, with {@code /}) read as an unsigned big-endian number. The assignment
 * depends on the path alone, so it is the same on every machine, JVM and file order, and the {@code count}
 * slices partition the files exactly. Changing the hash would move files between shards of runs already in
 * flight: don't.
 *
 * @param index this slice, from 1
 * @param count how many slices
 */
public record Shard(int index, int count) {

    private static final String FIX = "use i/n with 1 <= i <= n, e.g. -Dscrum.shard=1/4 for the first of four shards";
    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new ConfigurationException("shard", "<shard> (scrum.shard) is " + index + "/" + count
                    + ": " + FIX);
        }
    }

    /**
     * Reads {@code i/n}.
     *
     * @throws ConfigurationException naming {@code shard} and the expected form, for anything else
     */
    public static Shard parse(String spec) {
        Matcher m = FORM.matcher(spec == null ? "" : spec);
        if (!m.matches()) {
            throw new ConfigurationException("shard", "<shard> (scrum.shard) is '" + spec + "': " + FIX);
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether {@code path} (relative to the base directory) falls in this slice. */
    public boolean selects(String path) {
        return slice(path, count) == index;
    }

    /** The files of {@code files} in this slice, in their order. */
    public List<String> select(List<String> files) {
        return files.stream().filter(this::selects).toList();
    }

    /** The slice, from 1 to {@code count}, that {@code path} falls in. */
    static int slice(String path, int count) {
        byte[] digest = sha256(path.replace('\\', '/').getBytes(StandardCharsets.UTF_8));
        long h = ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        return (int) Long.remainderUnsigned(h, count) + 1;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** {@code i/n}, as {@code summary.json} records it. */
    @Override
    public String toString() {
        return index + "/" + count;
    }
}
