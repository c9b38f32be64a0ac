package dev.scrum.report;

import static dev.scrum.report.JsonFields.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.scrum.check.Citation;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.AttemptStatus;
import dev.scrum.ladder.ServerLoad;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads what {@link JsonReportWriter} wrote back into a {@link RunReport} and its {@link FileReview}s, so that
 * shards can be merged. Everything the writer records comes back; what it does not record does not: the raw
 * text of each attempt's answer ({@link Attempt#answer()} is {@code ""}), a passage similarity's digits past
 * the fourth decimal, and the fraction of a second of {@code ran_at} and {@code reviewed_at}. Fields derived
 * from others (counts, token totals) are not read: the records derive them again.
 */
public final class JsonReportReader {

    private JsonReportReader() {}

    /**
     * Reads a run from a {@code scrum/} directory: its {@code summary.json} and the review file of every file
     * the summary lists.
     *
     * @throws IOException when a file is missing or unreadable, or not what the writer writes (the message
     *     names the file and the field)
     */
    public static RunReport read(Path directory) throws IOException {
        Path summary = directory.resolve(ReportLayout.SUMMARY);
        Obj o = new Obj(parse(summary), summary.toString());
        List<String> files = decode(summary, () -> o.map(PER_FILE, entry -> entry.string(FILE)));
        List<FileReview> reviews = new ArrayList<>();
        for (String file : files) {
            Path reviewFile = directory.resolve(ReportLayout.reviewFileName(file));
            FileReview review = readReview(reviewFile);
            if (!review.file().equals(file)) {
                throw new IOException(reviewFile + ", the review file of " + file + " in " + summary
                        + ", holds the review of " + review.file() + ": the summary and its review files do not"
                        + " belong together (copied from another run, or written by a plugin version whose file"
                        + " names could collide); run mvn scrum:review again to write them afresh");
            }
            reviews.add(review);
        }
        return decode(summary, () -> summary(o, reviews));
    }

    /** Reads one {@code review_*.json}. */
    public static FileReview readReview(Path file) throws IOException {
        JsonObject o = parse(file);
        return decode(file, () -> review(new Obj(o, file.toString())));
    }

    private static RunReport summary(Obj o, List<FileReview> reviews) {
        return RunReport.builder()
                .ranAt(o.instant(RAN_AT))
                .dryRun(o.bool(DRY_RUN))
                .reviews(reviews)
                .skipped(o.map(SKIPPED_FILES, s -> new SkippedFile(s.string(FILE), s.string(REASON))))
                .ladder(o.strings(LADDER))
                .embedder(o.string(EMBEDDER))
                .documents(o.map(DOCUMENTS,
                                d -> new DocumentInfo(
                                        d.string(LABEL), d.string(PATH), d.integer(CHARS), d.integer(CHUNKS))))
                .totalDurationMs(o.longValue(TOTAL_DURATION_MS))
                .shard(o.stringOrNull(SHARD))
                .retrieval(o.has(RETRIEVAL) ? o.stringOrNull(RETRIEVAL) : null)
                .documentInjections(o.has(DOCUMENT_INJECTIONS)
                        ? o.map(DOCUMENT_INJECTIONS, JsonReportReader::injection)
                        : List.of())
                .servers(o.has(SERVERS) ? o.map(SERVERS, JsonReportReader::server) : List.of())
                .gate(o.has(GATE) ? gate(o.object(GATE)) : null)
                .build();
    }

    private static GateDecision gate(Obj o) {
        GateDecision.Outcome outcome = o.oneOf(OUTCOME, GateDecision.Outcome.values(), GateDecision.Outcome::json);
        List<String> failures = o.strings(FAILURES);
        if ((outcome == GateDecision.Outcome.FAILED) == failures.isEmpty()) {
            throw o.bad(FAILURES, "does not match outcome " + outcome.json() + ": " + failures);
        }
        return new GateDecision(outcome, failures, o.strings(WARNINGS), o.strings(NOTES));
    }

    private static ServerLoad server(Obj o) {
        return new ServerLoad(o.string(RUNG), o.string(SERVER), "learned".equals(o.string(LIMIT)),
                o.integer(MAX_CONCURRENT), o.integer(LIMIT_REACHED), o.integer(FINAL_LIMIT), o.integer(PEAK_IN_FLIGHT),
                o.integer(CALLS), o.integer(TIMEOUTS), o.integer(PUSHBACKS));
    }

    private static FileReview review(Obj o) {
        FileInput input = new FileInput(o.map(TOP_PRD_CHUNKS, JsonReportReader::passage), o.map(TOP_PROPOSAL_CHUNKS, JsonReportReader::passage), o.integer(PROMPT_CHARS), o.integer(QUERY_PASSAGES), o.has(REDACTIONS) ? o.integer(REDACTIONS) : 0, o.has(MALFORMED_UTF8) && o.bool(MALFORMED_UTF8),
                o.has(INJECTIONS) ? o.map(INJECTIONS, JsonReportReader::injection) : List.of());
        FileOutcome outcome = FileOutcome.builder()
                .attempts(o.map(ATTEMPTS_HISTORY, JsonReportReader::attempt))
                .acceptedOn(o.integerOrNull(ACCEPTED_ON))
                .acceptedRung(o.string(ESCALATED_TO_MODEL))
                .acceptedMarkdown(o.string(SUGGESTIONS))
                .score(o.integerOrNull(SCORE))
                .findings(o.map(FINDINGS, JsonReportReader::finding))
                .citationsValid(o.integer(CITATIONS_VALID))
                .citationsInvalid(o.integer(CITATIONS_INVALID))
                .build();
        FileProvenance provenance = new FileProvenance(o.longValue(DURATION_MS),
                o.get(REVIEWED_AT).isJsonNull() ? null : o.instant(REVIEWED_AT), o.bool(CACHED),
                o.map(PARTS, JsonReportReader::part));
        return FileReview.builder().file(o.string(FILE)).fileBytes(o.longValue(FILE_BYTES)).input(input)
                .outcome(outcome).provenance(provenance).build();
    }

    private static Injection injection(Obj o) {
        return new Injection(o.string(PATH), o.string(KIND), o.stringOrNull(DESCRIPTION), o.integer(LINE),
                o.integer(COLUMN), o.string(TEXT),
                o.has(BASELINE) ? o.oneOf(BASELINE, BaselineState.values(), BaselineState::id) : null);
    }

    private static FilePart part(Obj o) {
        return new FilePart(o.integer(N), o.integer(FIRST_LINE), o.integer(LAST_LINE), o.integer(CHARS),
                o.integerOrNull(ACCEPTED_ON), o.string(MODEL), o.integer(ATTEMPTS));
    }

    private static ScoredChunk passage(Obj o) {
        DocumentKind kind = o.oneOf(ORIGIN, DocumentKind.values(), DocumentKind::jsonName);
        String text = o.string(TEXT);
        if (text.length() != o.integer(LENGTH)) {
            throw o.bad(LENGTH, "is " + o.integer(LENGTH) + " but the passage's text has " + text.length()
                    + " characters");
        }
        Integer line = o.has(LINE) ? o.integerOrNull(LINE) : null;
        Chunk chunk = new Chunk(kind, o.integer(OFFSET), text, o.has(HEADING) ? o.stringOrNull(HEADING) : null,
                line == null ? 0 : line);
        return new ScoredChunk(chunk, o.number(SCORE), rank(o, DENSE_RANK, DENSE_SCORE), rank(o, BM25_RANK, BM25_SCORE));
    }

    /** A passage's rank by one ranker, when the JSON records it. */
    private static ScoredChunk.Rank rank(Obj o, String rank, String score) {
        return o.has(rank) && o.integerOrNull(rank) != null
                ? new ScoredChunk.Rank(o.integer(rank), o.number(score))
                : null;
    }

    private static Attempt attempt(Obj o) {
        AttemptStatus status = o.oneOf(STATUS, AttemptStatus.values(), AttemptStatus::id);
        return Attempt.builder()
                .n(o.integer(N))
                .rungId(o.string(PROVIDER_MODEL))
                .model(o.string(MODEL))
                .status(status)
                .chars(o.integer(CHARS))
                .error(o.has(ERROR) ? o.stringOrNull(ERROR) : null)
                .durationMs(o.longValue(MS))
                .promptTokens(o.integerOrNull(PROMPT_TOKENS))
                .completionTokens(o.integerOrNull(COMPLETION_TOKENS))
                .tokensEstimated(o.bool(TOKENS_ESTIMATED))
                .retries(o.has(RETRIES) ? o.integer(RETRIES) : 0)
                .build();
    }

    private static Finding finding(Obj o) {
        return new Finding(o.string(KIND), o.has(GAP_KIND) ? o.stringOrNull(GAP_KIND) : null,
                o.has(TITLE) ? o.stringOrNull(TITLE) : null, o.string(TEXT), o.stringOrNull(SYMBOL),
                o.integerOrNull(LINE),
                o.map(CITATIONS, c -> new Citation(c.string(DOC), c.integer(OFFSET), c.bool(VALID),
                        c.integerOrNull(LINE), c.stringOrNull(HEADING))),
                o.has(BASELINE) ? o.oneOf(BASELINE, BaselineState.values(), BaselineState::id) : null);
    }

    private static JsonObject parse(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " does not exist");
        }
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new IOException(file + " is not a JSON object");
            }
            return e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IOException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static <T> T decode(Path file, Supplier<T> decoding) throws IOException {
        try {
            return decoding.get();
        } catch (Malformed e) {
            throw new IOException(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a review file this plugin wrote: " + e, e);
        }
    }

    /** A field is missing or of the wrong type. */
    private static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** A JSON object and where it came from, with typed reads that name the field when it is not as expected. */
    private record Obj(JsonObject json, String where) {

        boolean has(String key) {
            return json.has(key);
        }

        Malformed bad(String key, String problem) {
            return new Malformed(where + ": field '" + key + "' " + problem);
        }

        JsonElement get(String key) {
            JsonElement e = json.get(key);
            if (e == null) {
                throw bad(key, "is missing");
            }
            return e;
        }

        private JsonElement primitive(String key, String what) {
            JsonElement e = get(key);
            if (!e.isJsonPrimitive()) {
                throw bad(key, "is not " + what + ": " + e);
            }
            return e;
        }

        String string(String key) {
            String s = stringOrNull(key);
            if (s == null) {
                throw bad(key, "is null");
            }
            return s;
        }

        String stringOrNull(String key) {
            JsonElement e = get(key);
            return e.isJsonNull() ? null : primitive(key, "a string").getAsString();
        }

        long longValue(String key) {
            JsonElement e = primitive(key, "a number");
            try {
                return e.getAsLong();
            } catch (NumberFormatException ex) {
                throw bad(key, "is not a whole number: " + e);
            }
        }

        int integer(String key) {
            long v = longValue(key);
            if (v != (int) v) {
                throw bad(key, "is out of range: " + v);
            }
            return (int) v;
        }

        Integer integerOrNull(String key) {
            return get(key).isJsonNull() ? null : integer(key);
        }

        double number(String key) {
            try {
                return primitive(key, "a number").getAsDouble();
            } catch (NumberFormatException ex) {
                throw bad(key, "is not a number: " + get(key));
            }
        }

        boolean bool(String key) {
            JsonElement e = primitive(key, "true or false");
            if (!e.getAsJsonPrimitive().isBoolean()) {
                throw bad(key, "is not true or false: " + e);
            }
            return e.getAsBoolean();
        }

        /** The value of {@code values} whose JSON name ({@code name}) the field holds. */
        <E> E oneOf(String key, E[] values, Function<E, String> name) {
            String s = string(key);
            for (E value : values) {
                if (name.apply(value).equals(s)) {
                    return value;
                }
            }
            throw bad(key, "is '" + s + "', none of " + Arrays.stream(values).map(name).toList());
        }

        Instant instant(String key) {
            try {
                return Instant.parse(string(key));
            } catch (DateTimeParseException e) {
                throw bad(key, "is not an ISO-8601 instant: " + get(key));
            }
        }

        private JsonArray array(String key) {
            JsonElement e = get(key);
            if (!e.isJsonArray()) {
                throw bad(key, "is not a list: " + e);
            }
            return e.getAsJsonArray();
        }

        Obj object(String key) {
            JsonElement e = get(key);
            if (!e.isJsonObject()) {
                throw bad(key, "is not an object: " + e);
            }
            return new Obj(e.getAsJsonObject(), where + " " + key);
        }

        List<Obj> objects(String key) {
            List<Obj> out = new ArrayList<>();
            for (JsonElement item : array(key)) {
                String at = key + "[" + out.size() + "]";
                if (!item.isJsonObject()) {
                    throw bad(at, "is not an object: " + item);
                }
                out.add(new Obj(item.getAsJsonObject(), where + " " + at));
            }
            return out;
        }

        <T> List<T> map(String key, Function<Obj, T> read) {
            return objects(key).stream().map(read).toList();
        }

        List<String> strings(String key) {
            List<String> out = new ArrayList<>();
            for (JsonElement item : array(key)) {
                if (!item.isJsonPrimitive()) {
                    throw bad(key, "holds something not a string: " + item);
                }
                out.add(item.getAsString());
            }
            return out;
        }
    }
}
