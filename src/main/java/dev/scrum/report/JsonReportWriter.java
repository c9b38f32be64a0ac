package dev.scrum.report;

import static dev.scrum.report.JsonFields.*;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.scrum.check.Citation;
import dev.scrum.git.LineRange;
import dev.scrum.ladder.Attempt;
import dev.scrum.ladder.ServerLoad;
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

    /** Writes one file's review, atomically; returns its path. */
    public Path writeReview(FileReview review) throws IOException {
        Path target = directory.resolve(ReportLayout.reviewFileName(review.file()));
        AtomicFile.write(target, GSON.toJson(review(review)) + "\n");
        return target;
    }

    /** Writes the run's summary, atomically; returns its path. */
    public Path writeSummary(RunReport run) throws IOException {
        Path target = directory.resolve(ReportLayout.SUMMARY);
        AtomicFile.write(target, GSON.toJson(summary(run)) + "\n");
        return target;
    }

    /** Writes every file's review, then the summary, as a merge of shards or modules does. */
    static void writeAll(ReportLayout layout, RunReport run) throws IOException {
        JsonReportWriter writer = new JsonReportWriter(layout.jsonDirectory());
        for (FileReview r : run.reviews()) {
            writer.writeReview(r);
        }
        writer.writeSummary(run);
    }

    static JsonObject summary(RunReport run) {
        JsonObject o = new JsonObject();
        if (run.gate() != null) {
            // an extension, first: what the gate decided and why (README: "JSON fields beyond SPEC.md")
            JsonObject gate = new JsonObject();
            gate.addProperty(OUTCOME, run.gate().outcome().json());
            gate.add(FAILURES, strings(run.gate().failures()));
            gate.add(WARNINGS, strings(run.gate().warnings()));
            gate.add(NOTES, strings(run.gate().notes()));
            o.add(GATE, gate);
        }
        o.addProperty(RAN_AT, DateTimeFormatter.ISO_INSTANT.format(run.ranAt().truncatedTo(ChronoUnit.SECONDS)));
        o.addProperty(TARGET_COUNT, run.reviews().size());
        o.addProperty(RESOLVED, run.resolvedCount());
        o.addProperty(TOTAL_ATTEMPTS, run.totalAttempts());
        o.addProperty(TOTAL_DURATION_MS, run.totalDurationMs());
        JsonArray perFile = new JsonArray();
        for (FileReview r : run.reviews()) {
            JsonObject f = new JsonObject();
            f.addProperty(FILE, r.file());
            f.addProperty(ACCEPTED_ON, r.outcome().acceptedOn());
            f.addProperty(MODEL, r.outcome().acceptedRung());
            f.addProperty(ATTEMPTS, r.attemptsMade());
            f.addProperty(MS, r.provenance().durationMs());
            f.addProperty(SCORE, r.outcome().score());
            f.addProperty(CACHED, r.provenance().cached());
            f.addProperty(PROMPT_TOKENS, r.promptTokens());
            f.addProperty(COMPLETION_TOKENS, r.completionTokens());
            f.addProperty(REDACTIONS, r.input().secretsMasked());
            perFile.add(f);
        }
        o.add(PER_FILE, perFile);
        // extensions (README: "JSON fields beyond SPEC.md")
        o.addProperty(DRY_RUN, run.dryRun());
        o.addProperty(CALLS_THIS_RUN, run.callsThisRun());
        o.addProperty(TOTAL_PROMPT_TOKENS, run.reviews().stream().mapToLong(FileReview::promptTokens).sum());
        o.addProperty(TOTAL_COMPLETION_TOKENS, run.reviews().stream().mapToLong(FileReview::completionTokens).sum());
        o.add(LADDER, strings(run.ladder()));
        o.addProperty(EMBEDDER, run.embedder());
        JsonArray docs = new JsonArray();
        for (DocumentInfo d : run.documents()) {
            JsonObject j = new JsonObject();
            j.addProperty(LABEL, d.label());
            j.addProperty(PATH, d.path());
            j.addProperty(CHARS, d.chars());
            j.addProperty(CHUNKS, d.chunks());
            docs.add(j);
        }
        o.add(DOCUMENTS, docs);
        JsonArray skipped = new JsonArray();
        for (SkippedFile s : run.skipped()) {
            JsonObject j = new JsonObject();
            j.addProperty(FILE, s.file());
            j.addProperty(REASON, s.reason());
            skipped.add(j);
        }
        o.add(SKIPPED_FILES, skipped);
        o.addProperty(SHARD, run.shard());
        o.addProperty(TOTAL_REDACTIONS, run.reviews().stream().mapToInt(r -> r.input().secretsMasked()).sum());
        o.addProperty(RETRIEVAL, run.retrieval());
        o.add(DOCUMENT_INJECTIONS, injections(run.documentInjections()));
        o.addProperty(INJECTIONS_NEW, run.newInjections().size());
        o.addProperty(UNTRUSTED_FILES, run.reviews().stream().filter(FileReview::untrusted).count());
        JsonArray servers = new JsonArray();
        for (ServerLoad s : run.servers()) {
            JsonObject j = new JsonObject();
            j.addProperty(RUNG, s.rung());
            j.addProperty(SERVER, s.server());
            j.addProperty(LIMIT, s.adaptive() ? "learned" : "fixed");
            j.addProperty(MAX_CONCURRENT, s.cap());
            j.addProperty(LIMIT_REACHED, s.limitReached());
            j.addProperty(FINAL_LIMIT, s.finalLimit());
            j.addProperty(PEAK_IN_FLIGHT, s.peakInFlight());
            j.addProperty(CALLS, s.calls());
            j.addProperty(TIMEOUTS, s.timeouts());
            j.addProperty(PUSHBACKS, s.pushbacks());
            servers.add(j);
        }
        o.add(SERVERS, servers);
        return o;
    }

    static JsonObject review(FileReview r) {
        JsonObject o = new JsonObject();
        o.addProperty(FILE, r.file());
        o.addProperty(FILE_BYTES, r.fileBytes());
        o.add(TOP_PRD_CHUNKS, passages(r.input().prdPassages()));
        o.add(TOP_PROPOSAL_CHUNKS, passages(r.input().proposalPassages()));
        o.addProperty(ATTEMPTS_MADE, r.attemptsMade());
        JsonArray history = new JsonArray();
        for (Attempt a : r.outcome().attempts()) {
            JsonObject h = new JsonObject();
            h.addProperty(N, a.n());
            h.addProperty(MODEL, a.model());
            h.addProperty(STATUS, a.status().id());
            h.addProperty(CHARS, a.chars());
            if (a.error() != null) {
                h.addProperty(ERROR, a.error());
            }
            h.addProperty(PROVIDER_MODEL, a.rungId());
            h.addProperty(MS, a.durationMs());
            h.addProperty(PROMPT_TOKENS, a.promptTokens());
            h.addProperty(COMPLETION_TOKENS, a.completionTokens());
            h.addProperty(TOKENS_ESTIMATED, a.tokensEstimated());
            h.addProperty(RETRIES, a.retries());
            history.add(h);
        }
        o.add(ATTEMPTS_HISTORY, history);
        o.addProperty(ACCEPTED_ON, r.outcome().acceptedOn());
        o.addProperty(ESCALATED_TO_MODEL, r.outcome().acceptedRung());
        o.addProperty(SUGGESTIONS, r.outcome().acceptedMarkdown());
        o.addProperty(SCORE, r.outcome().score());
        JsonArray findings = new JsonArray();
        for (Finding f : r.outcome().findings()) {
            JsonObject j = new JsonObject();
            j.addProperty(KIND, f.kind());
            if (f.gapKind() != null) {
                j.addProperty(GAP_KIND, f.gapKind());
            }
            if (f.title() != null) {
                j.addProperty(TITLE, f.title());
            }
            j.addProperty(TEXT, f.text());
            j.addProperty(SYMBOL, f.symbol());
            j.addProperty(LINE, f.line());
            JsonArray cites = new JsonArray();
            for (Citation c : f.citations()) {
                JsonObject cj = new JsonObject();
                cj.addProperty(DOC, c.doc());
                cj.addProperty(OFFSET, c.offset());
                cj.addProperty(VALID, c.valid());
                cj.addProperty(LINE, c.line());
                cj.addProperty(HEADING, c.heading());
                cites.add(cj);
            }
            j.add(CITATIONS, cites);
            if (f.baseline() != null) {
                j.addProperty(BASELINE, f.baseline().id());
            }
            if (r.changed() != null) {
                j.addProperty(IN_CHANGE, r.inChange(f));
            }
            findings.add(j);
        }
        o.add(FINDINGS, findings);
        if (r.changed() != null) {
            JsonObject changed = new JsonObject();
            changed.addProperty(NEW_FILE, r.changed().added());
            JsonArray ranges = new JsonArray();
            for (LineRange range : r.changed().ranges()) {
                JsonObject lr = new JsonObject();
                lr.addProperty(FROM, range.from());
                lr.addProperty(TO, range.to());
                ranges.add(lr);
            }
            changed.add(RANGES, ranges);
            o.add(CHANGED_LINES, changed);
        }
        o.addProperty(CITATIONS_VALID, r.outcome().citationsValid());
        o.addProperty(CITATIONS_INVALID, r.outcome().citationsInvalid());
        o.addProperty(DURATION_MS, r.provenance().durationMs());
        o.addProperty(PROMPT_CHARS, r.input().promptChars());
        o.addProperty(QUERY_PASSAGES, r.input().queryPassages());
        o.addProperty(CACHED, r.provenance().cached());
        o.addProperty(REVIEWED_AT, r.provenance().reviewedAt() == null ? null
                : DateTimeFormatter.ISO_INSTANT.format(r.provenance().reviewedAt().truncatedTo(ChronoUnit.SECONDS)));
        o.addProperty(PROMPT_TOKENS, r.promptTokens());
        o.addProperty(COMPLETION_TOKENS, r.completionTokens());
        JsonArray parts = new JsonArray();
        for (FilePart part : r.provenance().parts()) {
            JsonObject j = new JsonObject();
            j.addProperty(N, part.n());
            j.addProperty(FIRST_LINE, part.firstLine());
            j.addProperty(LAST_LINE, part.lastLine());
            j.addProperty(CHARS, part.chars());
            j.addProperty(ACCEPTED_ON, part.acceptedOn());
            j.addProperty(MODEL, part.model());
            j.addProperty(ATTEMPTS, part.attemptsMade());
            parts.add(j);
        }
        o.add(PARTS, parts);
        o.addProperty(REDACTIONS, r.input().secretsMasked());
        o.addProperty(MALFORMED_UTF8, r.input().malformedUtf8());
        o.addProperty(UNTRUSTED, r.untrusted());
        o.add(INJECTIONS, injections(r.input().injections()));
        return o;
    }

    private static JsonArray injections(List<Injection> injections) {
        JsonArray a = new JsonArray();
        for (Injection i : injections) {
            JsonObject j = new JsonObject();
            j.addProperty(RULE, Injection.RULE);
            j.addProperty(PATH, i.path());
            j.addProperty(KIND, i.kind());
            j.addProperty(DESCRIPTION, i.description());
            j.addProperty(LINE, i.line());
            j.addProperty(COLUMN, i.column());
            j.addProperty(TEXT, i.quoted());
            if (i.baseline() != null) {
                j.addProperty(BASELINE, i.baseline().id());
            }
            a.add(j);
        }
        return a;
    }

    private static JsonArray passages(List<ScoredChunk> chunks) {
        JsonArray a = new JsonArray();
        for (ScoredChunk c : chunks) {
            JsonObject j = new JsonObject();
            j.addProperty(ORIGIN, c.chunk().kind().jsonName());
            j.addProperty(OFFSET, c.chunk().offset());
            j.addProperty(LENGTH, c.chunk().length());
            j.addProperty(SCORE, similarity(c.score()));
            j.addProperty(TEXT, c.chunk().text());
            j.addProperty(HEADING, c.chunk().heading());
            j.addProperty(LINE, c.chunk().line() == 0 ? null : c.chunk().line());
            j.addProperty(DENSE_RANK, c.dense() == null ? null : c.dense().rank());
            j.addProperty(DENSE_SCORE, c.dense() == null ? null : similarity(c.dense().score()));
            j.addProperty(BM25_RANK, c.lexical() == null ? null : c.lexical().rank());
            j.addProperty(BM25_SCORE, c.lexical() == null ? null : similarity(c.lexical().score()));
            a.add(j);
        }
        return a;
    }

    /**
     * A passage's similarity as the JSON records it: 4 decimals. The report shows this value too, so that a
     * report made from the JSON (a merge of shards) rounds exactly as the run's own report did.
     */
    static double similarity(double score) {
        return ScoredChunk.recorded(score);
    }

    private static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

}
