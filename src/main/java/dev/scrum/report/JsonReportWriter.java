package dev.scrum.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.scrum.check.Citation;
import dev.scrum.ladder.Attempt;
import dev.scrum.retrieve.ScoredChunk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes {@code scrum/summary.json} and one {@code scrum/review_*.json} per file, exactly as SPEC.md's
 * schemas say (fields may be added, none renamed or dropped).
 */
public final class JsonReportWriter {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls()
            .create();

    private final Path directory;

    /** @param directory the {@code scrum/} directory */
    public JsonReportWriter(Path directory) {
        this.directory = directory;
    }

    /** {@code review_<path with / replaced by _>.json}. */
    public static String reviewFileName(String file) {
        return "review_" + file.replace('/', '_').replace('\\', '_') + ".json";
    }

    /** Writes one file's review, atomically; returns its path. */
    public Path writeReview(FileReview review) throws IOException {
        Path target = directory.resolve(reviewFileName(review.file()));
        AtomicFile.write(target, GSON.toJson(review(review)) + "\n");
        return target;
    }

    /** Writes the run's summary, atomically; returns its path. */
    public Path writeSummary(RunReport run) throws IOException {
        Path target = directory.resolve("summary.json");
        AtomicFile.write(target, GSON.toJson(summary(run)) + "\n");
        return target;
    }

    static JsonObject summary(RunReport run) {
        JsonObject o = new JsonObject();
        o.addProperty("ran_at", DateTimeFormatter.ISO_INSTANT.format(run.ranAt().truncatedTo(ChronoUnit.SECONDS)));
        o.addProperty("target_count", run.reviews().size());
        o.addProperty("resolved", run.resolvedCount());
        o.addProperty("total_attempts", run.totalAttempts());
        o.addProperty("total_duration_ms", run.totalDurationMs());
        JsonArray perFile = new JsonArray();
        for (FileReview r : run.reviews()) {
            JsonObject f = new JsonObject();
            f.addProperty("file", r.file());
            f.addProperty("accepted_on", r.outcome().acceptedOn());
            f.addProperty("model", r.outcome().acceptedRung());
            f.addProperty("attempts", r.attemptsMade());
            f.addProperty("ms", r.provenance().durationMs());
            f.addProperty("score", r.outcome().score());
            f.addProperty("cached", r.provenance().cached());
            f.addProperty("prompt_tokens", r.promptTokens());
            f.addProperty("completion_tokens", r.completionTokens());
            f.addProperty("redactions", r.input().secretsMasked());
            perFile.add(f);
        }
        o.add("per_file", perFile);
        // extensions (README: "JSON fields beyond SPEC.md")
        o.addProperty("dry_run", run.dryRun());
        o.addProperty("calls_this_run", run.callsThisRun());
        o.addProperty("total_prompt_tokens", run.reviews().stream().mapToLong(FileReview::promptTokens).sum());
        o.addProperty("total_completion_tokens", run.reviews().stream().mapToLong(FileReview::completionTokens).sum());
        o.add("ladder", strings(run.ladder()));
        o.addProperty("embedder", run.embedder());
        JsonArray docs = new JsonArray();
        for (DocumentInfo d : run.documents()) {
            JsonObject j = new JsonObject();
            j.addProperty("label", d.label());
            j.addProperty("path", d.path());
            j.addProperty("chars", d.chars());
            j.addProperty("chunks", d.chunks());
            docs.add(j);
        }
        o.add("documents", docs);
        JsonArray skipped = new JsonArray();
        for (SkippedFile s : run.skipped()) {
            JsonObject j = new JsonObject();
            j.addProperty("file", s.file());
            j.addProperty("reason", s.reason());
            skipped.add(j);
        }
        o.add("skipped_files", skipped);
        o.addProperty("shard", run.shard());
        o.addProperty("total_redactions", run.reviews().stream().mapToInt(r -> r.input().secretsMasked()).sum());
        o.addProperty("retrieval", run.retrieval());
        return o;
    }

    static JsonObject review(FileReview r) {
        JsonObject o = new JsonObject();
        o.addProperty("file", r.file());
        o.addProperty("file_bytes", r.fileBytes());
        o.add("top_prd_chunks", passages(r.input().prdPassages()));
        o.add("top_proposal_chunks", passages(r.input().proposalPassages()));
        o.addProperty("attempts_made", r.attemptsMade());
        JsonArray history = new JsonArray();
        for (Attempt a : r.outcome().attempts()) {
            JsonObject h = new JsonObject();
            h.addProperty("n", a.n());
            h.addProperty("model", a.model());
            h.addProperty("status", a.status().id());
            h.addProperty("chars", a.chars());
            if (a.error() != null) {
                h.addProperty("error", a.error());
            }
            h.addProperty("provider_model", a.rungId());
            h.addProperty("ms", a.durationMs());
            h.addProperty("prompt_tokens", a.promptTokens());
            h.addProperty("completion_tokens", a.completionTokens());
            h.addProperty("tokens_estimated", a.tokensEstimated());
            h.addProperty("retries", a.retries());
            history.add(h);
        }
        o.add("attempts_history", history);
        o.addProperty("accepted_on", r.outcome().acceptedOn());
        o.addProperty("escalated_to_model", r.outcome().acceptedRung());
        o.addProperty("suggestions", r.outcome().acceptedMarkdown());
        o.addProperty("score", r.outcome().score());
        JsonArray findings = new JsonArray();
        for (Finding f : r.outcome().findings()) {
            JsonObject j = new JsonObject();
            j.addProperty("kind", f.kind());
            if (f.gapKind() != null) {
                j.addProperty("gap_kind", f.gapKind());
            }
            if (f.title() != null) {
                j.addProperty("title", f.title());
            }
            j.addProperty("text", f.text());
            j.addProperty("symbol", f.symbol());
            j.addProperty("line", f.line());
            JsonArray cites = new JsonArray();
            for (Citation c : f.citations()) {
                JsonObject cj = new JsonObject();
                cj.addProperty("doc", c.doc());
                cj.addProperty("offset", c.offset());
                cj.addProperty("valid", c.valid());
                cj.addProperty("line", c.line());
                cj.addProperty("heading", c.heading());
                cites.add(cj);
            }
            j.add("citations", cites);
            if (f.baseline() != null) {
                j.addProperty("baseline", f.baseline().id());
            }
            findings.add(j);
        }
        o.add("findings", findings);
        o.addProperty("citations_valid", r.outcome().citationsValid());
        o.addProperty("citations_invalid", r.outcome().citationsInvalid());
        o.addProperty("duration_ms", r.provenance().durationMs());
        o.addProperty("prompt_chars", r.input().promptChars());
        o.addProperty("query_passages", r.input().queryPassages());
        o.addProperty("cached", r.provenance().cached());
        o.addProperty("reviewed_at", r.provenance().reviewedAt() == null ? null
                : DateTimeFormatter.ISO_INSTANT.format(r.provenance().reviewedAt().truncatedTo(ChronoUnit.SECONDS)));
        o.addProperty("prompt_tokens", r.promptTokens());
        o.addProperty("completion_tokens", r.completionTokens());
        JsonArray parts = new JsonArray();
        for (FilePart part : r.provenance().parts()) {
            JsonObject j = new JsonObject();
            j.addProperty("n", part.n());
            j.addProperty("first_line", part.firstLine());
            j.addProperty("last_line", part.lastLine());
            j.addProperty("chars", part.chars());
            j.addProperty("accepted_on", part.acceptedOn());
            j.addProperty("model", part.model());
            j.addProperty("attempts", part.attemptsMade());
            parts.add(j);
        }
        o.add("parts", parts);
        o.addProperty("redactions", r.input().secretsMasked());
        o.addProperty("malformed_utf8", r.input().malformedUtf8());
        return o;
    }

    private static JsonArray passages(List<ScoredChunk> chunks) {
        JsonArray a = new JsonArray();
        for (ScoredChunk c : chunks) {
            JsonObject j = new JsonObject();
            j.addProperty("origin", c.chunk().kind().jsonName());
            j.addProperty("offset", c.chunk().offset());
            j.addProperty("length", c.chunk().length());
            j.addProperty("score", similarity(c.score()));
            j.addProperty("text", c.chunk().text());
            j.addProperty("heading", c.chunk().heading());
            j.addProperty("line", c.chunk().line() == 0 ? null : c.chunk().line());
            j.addProperty("dense_rank", c.dense() == null ? null : c.dense().rank());
            j.addProperty("dense_score", c.dense() == null ? null : similarity(c.dense().score()));
            j.addProperty("bm25_rank", c.lexical() == null ? null : c.lexical().rank());
            j.addProperty("bm25_score", c.lexical() == null ? null : similarity(c.lexical().score()));
            a.add(j);
        }
        return a;
    }

    /**
     * A passage's similarity as the JSON records it: 4 decimals. The report shows this value too, so that a
     * report made from the JSON (a merge of shards) rounds exactly as the run's own report did.
     */
    static double similarity(double score) {
        return Math.round(score * 10000) / 10000.0;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

}
