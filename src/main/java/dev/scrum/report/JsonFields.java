package dev.scrum.report;

/**
 * The field names of {@code summary.json} and {@code review_*.json} (SPEC.md's schemas and the README's
 * extensions), shared by {@link JsonReportWriter} and {@link JsonReportReader}.
 */
final class JsonFields {

    private JsonFields() {}

    // summary.json
    static final String RAN_AT = "ran_at";
    static final String TARGET_COUNT = "target_count";
    static final String TOTAL_DURATION_MS = "total_duration_ms";
    static final String PER_FILE = "per_file";
    static final String DRY_RUN = "dry_run";
    static final String LADDER = "ladder";
    static final String EMBEDDER = "embedder";
    static final String DOCUMENTS = "documents";
    static final String LABEL = "label";
    static final String PATH = "path";
    static final String CHARS = "chars";
    static final String CHUNKS = "chunks";
    static final String SKIPPED_FILES = "skipped_files";
    static final String REASON = "reason";
    static final String SHARD = "shard";
    static final String RETRIEVAL = "retrieval";
    static final String RESOLVED = "resolved";
    static final String TOTAL_ATTEMPTS = "total_attempts";
    static final String CALLS_THIS_RUN = "calls_this_run";
    static final String TOTAL_PROMPT_TOKENS = "total_prompt_tokens";
    static final String TOTAL_COMPLETION_TOKENS = "total_completion_tokens";
    static final String TOTAL_REDACTIONS = "total_redactions";
    static final String DOCUMENT_INJECTIONS = "document_injections";
    static final String INJECTIONS_NEW = "injections_new";
    static final String UNTRUSTED_FILES = "untrusted_files";
    static final String SERVERS = "servers";
    static final String GATE = "gate";
    static final String OUTCOME = "outcome";
    static final String FAILURES = "failures";
    static final String WARNINGS = "warnings";
    static final String NOTES = "notes";
    static final String RUNG = "rung";
    static final String SERVER = "server";
    static final String LIMIT = "limit";
    static final String MAX_CONCURRENT = "max_concurrent";
    static final String LIMIT_REACHED = "limit_reached";
    static final String FINAL_LIMIT = "final_limit";
    static final String PEAK_IN_FLIGHT = "peak_in_flight";
    static final String CALLS = "calls";
    static final String TIMEOUTS = "timeouts";
    static final String PUSHBACKS = "pushbacks";

    // review_*.json (FILE also in per_file and skipped_files)
    static final String FILE = "file";
    static final String FILE_BYTES = "file_bytes";
    static final String TOP_PRD_CHUNKS = "top_prd_chunks";
    static final String TOP_PROPOSAL_CHUNKS = "top_proposal_chunks";
    static final String ORIGIN = "origin";
    static final String OFFSET = "offset";
    static final String LENGTH = "length";
    static final String SCORE = "score";
    static final String TEXT = "text";
    static final String DENSE_RANK = "dense_rank";
    static final String DENSE_SCORE = "dense_score";
    static final String BM25_RANK = "bm25_rank";
    static final String BM25_SCORE = "bm25_score";
    static final String ATTEMPTS_HISTORY = "attempts_history";
    static final String N = "n";
    static final String MODEL = "model";
    static final String STATUS = "status";
    static final String ERROR = "error";
    static final String PROVIDER_MODEL = "provider_model";
    static final String MS = "ms";
    static final String PROMPT_TOKENS = "prompt_tokens";
    static final String COMPLETION_TOKENS = "completion_tokens";
    static final String TOKENS_ESTIMATED = "tokens_estimated";
    static final String RETRIES = "retries";
    static final String REDACTIONS = "redactions";
    static final String MALFORMED_UTF8 = "malformed_utf8";
    static final String INJECTIONS = "injections";
    static final String UNTRUSTED = "untrusted";
    static final String COLUMN = "column";
    static final String DESCRIPTION = "description";
    static final String RULE = "rule";
    static final String ACCEPTED_ON = "accepted_on";
    static final String ATTEMPTS_MADE = "attempts_made";
    static final String ESCALATED_TO_MODEL = "escalated_to_model";
    static final String SUGGESTIONS = "suggestions";
    static final String FINDINGS = "findings";
    static final String KIND = "kind";
    static final String GAP_KIND = "gap_kind";
    static final String TITLE = "title";
    static final String SYMBOL = "symbol";
    static final String LINE = "line";
    static final String CITATIONS = "citations";
    static final String DOC = "doc";
    static final String VALID = "valid";
    static final String HEADING = "heading";
    static final String BASELINE = "baseline";
    static final String IN_CHANGE = "in_change";
    static final String CHANGED_LINES = "changed_lines";
    static final String NEW_FILE = "new_file";
    static final String RANGES = "ranges";
    static final String FROM = "from";
    static final String TO = "to";
    static final String CITATIONS_VALID = "citations_valid";
    static final String CITATIONS_INVALID = "citations_invalid";
    static final String DURATION_MS = "duration_ms";
    static final String PROMPT_CHARS = "prompt_chars";
    static final String QUERY_PASSAGES = "query_passages";
    static final String CACHED = "cached";
    static final String REVIEWED_AT = "reviewed_at";
    static final String PARTS = "parts";
    static final String FIRST_LINE = "first_line";
    static final String LAST_LINE = "last_line";
    static final String ATTEMPTS = "attempts";
}
