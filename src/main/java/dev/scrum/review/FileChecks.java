package dev.scrum.review;

import dev.scrum.check.CitationChecker;
import dev.scrum.check.Rubric;
import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Document;
import dev.scrum.symbols.SymbolTable;
import java.util.List;

/**
 * What a run checks each file's answers with: the rubric settings, and the documents that valid citations
 * are placed in. Makes the checks of one file.
 *
 * @param minAnswerChars shorter answers are thin
 * @param requireScore whether an answer without a score is thin
 * @param documents the PRD and, when given, the proposal
 */
record FileChecks(int minAnswerChars, boolean requireScore, List<Document> documents) {

    FileChecks {
        documents = List.copyOf(documents);
    }

    /** The rubric of one file's answers: grounded in its declarations and lines. */
    Rubric rubric(SymbolTable file) {
        return new Rubric(minAnswerChars, requireScore, file);
    }

    /** The citation check of one file's answer, against the passages its prompt carried. */
    CitationChecker citations(List<Chunk> sent) {
        return new CitationChecker(sent, documents);
    }
}
