package dev.scrum.review;

import dev.scrum.chunk.Document;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.report.Injection;
import dev.scrum.retrieve.ScoredChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The prompt injections in what one file's prompt carries: the file's own text, scanned, and the documents'
 * injections that lie in the passages it is sent.
 */
final class PromptInjections {

    private final ReviewDocuments documents;
    private final List<Injection> documentInjections;
    private final Path baseDir;

    /** @param documentInjections the documents' injections, from {@link ReviewDocuments#injections(Path)} */
    PromptInjections(ReviewDocuments documents, List<Injection> documentInjections, Path baseDir) {
        this.documents = documents;
        this.documentInjections = List.copyOf(documentInjections);
        this.baseDir = baseDir;
    }

    /** The file's injections, then those of the passages, each once. */
    List<Injection> of(String path, String fileText, List<ScoredChunk> passages) {
        List<Injection> out = new ArrayList<>(InjectionScan.of(path, fileText));
        out.addAll(inPassages(passages));
        return out;
    }

    private List<Injection> inPassages(List<ScoredChunk> passages) {
        if (documentInjections.isEmpty()) {
            return List.of();
        }
        Set<Injection> out = new LinkedHashSet<>();
        for (ScoredChunk p : passages) {
            Document d = p.chunk().kind() == DocumentKind.PRD ? documents.prd() : documents.proposal();
            if (d == null) {
                continue;
            }
            String path = ReviewDocuments.path(d, baseDir);
            int first = 1 + newlines(d.text(), Math.min(p.chunk().offset(), d.text().length()));
            int last = first + newlines(p.chunk().text(), p.chunk().text().length());
            documentInjections.stream()
                    .filter(i -> i.path().equals(path) && i.line() >= first && i.line() <= last)
                    .forEach(out::add);
        }
        return List.copyOf(out);
    }

    /** Line ends (CR, LF or CRLF) in {@code text} before {@code end}. */
    private static int newlines(String text, int end) {
        int n = 0;
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                n++;
            }
        }
        return n;
    }
}
