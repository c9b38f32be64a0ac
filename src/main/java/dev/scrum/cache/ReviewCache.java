package dev.scrum.cache;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import dev.scrum.report.AtomicFile;
import dev.scrum.report.FileReview;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Accepted reviews on disk, one file per key, outside the build directory so that {@code mvn clean} keeps
 * them. Each entry is sealed with an HMAC-SHA-256 under a {@link CacheKey} kept outside the cache, and an entry
 * that does not match its MAC is not trusted: a cache restored from somewhere others can write cannot pass a
 * review this build did not make. Only accepted reviews are stored. Any trouble — an untrusted or unreadable
 * entry, a full disk — is reported through the warning sink and treated as a miss: the cache never fails a build. A hit sets its entry's modification
 * time to now, so that {@link CachePruner} removes the entries least recently used, not the oldest written.
 */
public final class ReviewCache {

    /** The folder of the cache directory the reviews live in. */
    public static final String AREA = "reviews";

    /** An entry's name: its key, 64 hexadecimal digits of a SHA-256, and {@code .json}. */
    private static final Pattern ENTRY = Pattern.compile("[0-9a-f]{64}\\.json");

    /** What {@link AtomicFile} leaves beside an entry when a run dies between writing and moving it. */
    private static final Pattern LEFTOVER = Pattern.compile("\\.[0-9a-f]{64}\\.json[0-9]+\\.tmp");

    private static final Gson GSON = new GsonBuilder()
            .registerTypeAdapter(Instant.class, new InstantAdapter())
            .disableHtmlEscaping()
            .create();

    private final Path directory;
    private final CacheKey seal;
    private final Consumer<String> warnings;
    private final AtomicBoolean touchFailed = new AtomicBoolean();

    /**
     * @param directory where entries live, e.g. {@code ~/.m2/scrum-cache/reviews}
     * @param seal the key entries are sealed with and checked against
     * @param warnings where cache trouble is reported
     */
    public ReviewCache(Path directory, CacheKey seal, Consumer<String> warnings) {
        this.directory = directory;
        this.seal = Objects.requireNonNull(seal, "seal");
        this.warnings = warnings;
    }

    public Path directory() {
        return directory;
    }

    /**
     * The review stored under {@code key}, if any, readable and sealed with this cache's key for this key. An
     * entry whose MAC does not match (edited, sealed with another cache key, or moved from another key's file)
     * is one warning naming its file and a miss; the review made instead replaces it. Nothing of an entry is
     * read before its MAC is checked.
     */
    public Optional<FileReview> find(String key) {
        Path entry = entry(key);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(entry, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonElement mac = o.remove("mac");
            if (mac == null || !mac.isJsonPrimitive() || !seal.verifies(macInput(o), mac.getAsString())) {
                warnings.accept(untrusted(entry, "does not match its MAC (edited, sealed with another cache key, or "
                        + "not written by this cache)"));
                return Optional.empty();
            }
            if (o.get("format").getAsInt() != ReviewKey.FORMAT || !key.equals(o.get("key").getAsString())) {
                warnings.accept(untrusted(entry, "was sealed for another key (moved from another entry's file)"));
                return Optional.empty();
            }
            FileReview review = GSON.fromJson(o.get("review"), FileReview.class);
            touch(entry);
            return Optional.of(review);
        } catch (IOException | RuntimeException e) {
            warnings.accept("Review cache entry " + entry + " is unreadable and was ignored: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Stores an accepted review under {@code key}, atomically, sealed with this cache's key. */
    public void store(String key, FileReview review) {
        if (!review.resolved()) {
            return;
        }
        Path entry = entry(key);
        JsonObject o = new JsonObject();
        o.addProperty("format", ReviewKey.FORMAT);
        o.addProperty("key", key);
        o.add("review", GSON.toJsonTree(review));
        o.addProperty("mac", seal.mac(macInput(o)));
        try {
            AtomicFile.write(entry, GSON.toJson(o));
        } catch (IOException | RuntimeException e) {
            warnings.accept("Could not store a review in the cache " + directory + ": " + e.getMessage());
        }
    }

    /**
     * What an entry's MAC covers: the whole entry but its MAC, as this cache writes it — its format, the key it
     * is stored under (so an entry copied to another key's file fails) and the review, every field in the order
     * of the file, so that nothing can be added, removed, reordered or changed. Spacing is not covered: it
     * changes nothing that is read.
     */
    private static String macInput(JsonObject entryWithoutMac) {
        return "scrum-review-cache\n" + GSON.toJson(entryWithoutMac);
    }

    private static String untrusted(Path entry, String why) {
        return "Review cache entry " + entry + " " + why + " and was ignored: the file is reviewed again";
    }

    /**
     * Whether {@code relative}, a path under the reviews' folder, names a file this cache writes: an entry in the
     * folder of its key's first two digits ({@code ab/ab12…ef.json}), or a temporary file a run left beside one.
     */
    static boolean isEntry(Path relative) {
        if (relative.getNameCount() != 2) {
            return false;
        }
        String folder = relative.getName(0).toString();
        String name = relative.getName(1).toString();
        String key = name.startsWith(".") ? name.substring(1) : name;
        return (ENTRY.matcher(name).matches() || LEFTOVER.matcher(name).matches()) && key.startsWith(folder)
                && folder.length() == 2;
    }

    private Path entry(String key) {
        return directory.resolve(key.substring(0, 2)).resolve(key + ".json");
    }

    /** Marks an entry used now; a cache on a read-only disk is still read, with one warning. */
    private void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            if (!touchFailed.getAndSet(true)) {
                warnings.accept("Could not mark review cache entry " + entry + " as used (" + e.getMessage()
                        + "); pruning may remove entries that are still in use");
            }
        }
    }

    /** ISO-8601 instants, so entries stay readable. */
    private static final class InstantAdapter extends TypeAdapter<Instant> {
        @Override
        public void write(JsonWriter out, Instant value) throws IOException {
            if (value == null) {
                out.nullValue();
            } else {
                out.value(value.toString());
            }
        }

        @Override
        public Instant read(JsonReader in) throws IOException {
            if (in.peek() == JsonToken.NULL) {
                in.nextNull();
                return null;
            }
            try {
                return Instant.parse(in.nextString());
            } catch (RuntimeException e) {
                throw new JsonParseException("not an instant", e);
            }
        }
    }
}
