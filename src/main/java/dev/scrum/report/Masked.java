package dev.scrum.report;

import dev.scrum.chunk.Chunk;
import dev.scrum.ladder.Attempt;
import dev.scrum.redact.SecretRedactor;
import dev.scrum.retrieve.ScoredChunk;
import java.util.List;

/**
 * The text of a run as it may be written: every string a model wrote (answers, attempt errors, findings'
 * titles, texts and symbols) and every string taken from the reviewed tree or the documents (passages, the
 * quotes of prompt injections, why a file was skipped), with its secrets masked by {@link SecretRedactor}.
 * The records of a run call it in their constructors, so no report writer, the console nor the log can see a
 * secret a model repeated, whichever way the record was made (a review, the cache, a report read back).
 * Masking is idempotent: a masked text is left as it is.
 */
final class Masked {

    private static final SecretRedactor REDACTOR = SecretRedactor.standard();

    private Masked() {}

    static String text(String text) {
        return REDACTOR.mask(text);
    }

    static List<Attempt> attempts(List<Attempt> attempts) {
        return attempts.stream().map(a -> a.toBuilder().answer(text(a.answer())).error(text(a.error())).build())
                .toList();
    }

    static List<ScoredChunk> passages(List<ScoredChunk> passages) {
        return passages.stream().map(p -> {
            Chunk c = p.chunk();
            Chunk masked = new Chunk(c.kind(), c.offset(), text(c.text()), text(c.heading()), c.line());
            return new ScoredChunk(masked, p.score(), p.dense(), p.lexical());
        }).toList();
    }
}
