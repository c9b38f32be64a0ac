package dev.scrum.embed;

import dev.scrum.cache.CacheKey;
import dev.scrum.report.AtomicFile;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * An embedder that remembers: vectors are kept on disk, keyed by the embedder's name ({@code provider/model}) and
 * a SHA-256 of the text as embedded (with the model's query or passage prefix, which callers prepend), so a
 * second run over unchanged documents and files embeds nothing. One append-only file per embedder
 * ({@code <dir>/<name>.sealed.vectors}); records are appended under a file lock, so concurrent builds may share
 * it, and a record cut short by a crash is ignored. Each record is sealed with an HMAC-SHA-256 under the review
 * cache's {@link CacheKey} (vectors decide which passages a file is sent, so whoever can write the cache must not
 * choose them): a record that fails it is a miss, and the file is then written again without it, so it is
 * warned about once. Any trouble is a warning and a miss, never a failed build. A run
 * that used a file's vectors leaves it with its modification time set to now, so that pruning the cache
 * ({@code dev.scrum.cache.CachePruner}) removes the files least recently used.
 */
public final class CachingEmbedder implements Embedder {

    /** The folder of the cache directory the vector files live in. */
    public static final String AREA = "embeddings";

    /** A vector file's name: the embedder's name with every other character made {@code _}. */
    private static final Pattern VECTOR_FILE = Pattern.compile("[A-Za-z0-9._-]+\\.vectors");

    private static final int KEY_BYTES = 32;
    private static final int MAC_BYTES = 32;
    private static final int FLUSH_EVERY = 256;

    private final Embedder delegate;
    private final Path file;
    private final CacheKey seal;
    private final byte[] domain;
    private final Consumer<String> warnings;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();
    private final List<Map.Entry<String, float[]>> pending = new ArrayList<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();
    private boolean broken;
    /** Records that failed their MAC were read: the next flush writes the file anew, without them. */
    private boolean rewrite;

    /**
     * @param delegate the embedder that computes vectors
     * @param directory where the vector files live
     * @param seal the key records are sealed with and checked against
     * @param warnings where cache trouble is reported
     */
    public CachingEmbedder(Embedder delegate, Path directory, CacheKey seal, Consumer<String> warnings) {
        this.delegate = delegate;
        this.file = directory.resolve(delegate.name().replaceAll("[^A-Za-z0-9._-]", "_") + ".sealed.vectors");
        this.seal = Objects.requireNonNull(seal, "seal");
        this.domain = ("scrum-vectors\n" + delegate.name() + "\n").getBytes(StandardCharsets.UTF_8);
        this.warnings = warnings;
        load();
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int maxInputChars() {
        return delegate.maxInputChars();
    }

    @Override
    public String queryPrefix() {
        return delegate.queryPrefix();
    }

    @Override
    public String passagePrefix() {
        return delegate.passagePrefix();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<String> keys = new ArrayList<>(texts.size());
        Map<String, String> missing = new LinkedHashMap<>();
        for (String t : texts) {
            String k = key(t);
            keys.add(k);
            if (!vectors.containsKey(k)) {
                missing.putIfAbsent(k, t);
            }
        }
        if (!missing.isEmpty()) {
            List<String> missingKeys = new ArrayList<>(missing.keySet());
            List<float[]> computed = delegate.embed(new ArrayList<>(missing.values()));
            for (int i = 0; i < computed.size(); i++) {
                vectors.put(missingKeys.get(i), computed.get(i));
                remember(missingKeys.get(i), computed.get(i));
            }
        }
        misses.addAndGet(missing.size());
        hits.addAndGet(texts.size() - missing.size());
        List<float[]> out = new ArrayList<>(texts.size());
        for (String k : keys) {
            out.add(vectors.get(k));
        }
        return out;
    }

    /** Texts answered from the cache so far. */
    public int hits() {
        return hits.get();
    }

    /** Texts the delegate embedded so far. */
    public int misses() {
        return misses.get();
    }

    /** Writes what is not on disk yet, marks the file used when vectors were read from it, then closes the delegate. */
    @Override
    public void close() {
        flush();
        if (hits.get() > 0 && !broken && Files.isRegularFile(file)) {
            touch();
        }
        delegate.close();
    }

    /** Whether {@code name}, a file's name in the vector files' folder, is the name of a vector file. */
    public static boolean isVectorFile(String name) {
        return VECTOR_FILE.matcher(name).matches();
    }

    private void touch() {
        try {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            warnings.accept("Could not mark the embedding cache " + file + " as used (" + e.getMessage()
                    + "); pruning may remove it while it is still in use");
        }
    }

    private void remember(String key, float[] vector) {
        boolean full;
        synchronized (pending) {
            pending.add(Map.entry(key, vector));
            full = pending.size() >= FLUSH_EVERY;
        }
        if (full) {
            flush();
        }
    }

    private void flush() {
        List<Map.Entry<String, float[]>> batch;
        boolean whole;
        synchronized (pending) {
            whole = rewrite && !broken;
            if ((pending.isEmpty() && !whole) || broken) {
                pending.clear();
                return;
            }
            batch = whole ? new ArrayList<>(vectors.entrySet()) : new ArrayList<>(pending);
            pending.clear();
            rewrite = false;
        }
        ByteBuffer buffer = records(batch);
        try {
            Files.createDirectories(file.getParent());
            if (whole) {
                AtomicFile.write(file, Arrays.copyOfRange(buffer.array(), 0, buffer.limit()));
                return;
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        } catch (IOException | RuntimeException e) {
            broken = true;
            warnings.accept("Could not write the embedding cache " + file + " (" + e.getMessage()
                    + "); vectors of this run will be computed again next time");
        }
    }

    /** {@code batch} as sealed records: key, dimensions, the floats, and their MAC. */
    private ByteBuffer records(List<Map.Entry<String, float[]>> batch) {
        int bytes = batch.stream().mapToInt(e -> KEY_BYTES + 4 + 4 * e.getValue().length + MAC_BYTES).sum();
        ByteBuffer buffer = ByteBuffer.allocate(bytes);
        for (Map.Entry<String, float[]> e : batch) {
            int start = buffer.position();
            buffer.put(HexFormat.of().parseHex(e.getKey()));
            buffer.putInt(e.getValue().length);
            for (float f : e.getValue()) {
                buffer.putFloat(f);
            }
            byte[] record = new byte[buffer.position() - start];
            buffer.get(start, record);
            buffer.put(seal.mac(macInput(record)));
        }
        return buffer.flip();
    }

    /** What a record's MAC covers: the embedder's name (a record moved to another model's file fails) and the record. */
    private byte[] macInput(byte[] record) {
        byte[] all = Arrays.copyOf(domain, domain.length + record.length);
        System.arraycopy(record, 0, all, domain.length, record.length);
        return all;
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        int untrusted = 0;
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
            byte[] head = new byte[KEY_BYTES + 4];
            byte[] mac = new byte[MAC_BYTES];
            while (true) {
                try {
                    in.readFully(head);
                    int dim = ByteBuffer.wrap(head, KEY_BYTES, 4).getInt();
                    if (dim <= 0 || dim > 65_536) {
                        throw new IOException("a record of " + dim + " dimensions");
                    }
                    byte[] record = Arrays.copyOf(head, head.length + 4 * dim);
                    in.readFully(record, head.length, 4 * dim);
                    in.readFully(mac);
                    if (!seal.verifies(macInput(record), mac)) {
                        untrusted++;
                        continue;
                    }
                    float[] v = new float[dim];
                    ByteBuffer.wrap(record, head.length, 4 * dim).asFloatBuffer().get(v);
                    vectors.put(HexFormat.of().formatHex(head, 0, KEY_BYTES), v);
                } catch (EOFException end) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            rewrite = true;
            warnings.accept("The embedding cache " + file + " is unreadable past " + vectors.size()
                    + " vectors and was partly ignored (the file is written anew without the rest): "
                    + e.getMessage());
        } finally {
            if (untrusted > 0) {
                rewrite = true;
                warnings.accept("The embedding cache " + file + " has " + untrusted + " vector(s) that do not match "
                        + "their MAC (edited, or sealed with another cache key) and were ignored: their texts are "
                        + "embedded again and the file is written anew without them");
            }
        }
    }

    private String key(String text) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(delegate.name().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
