package dev.scrum.report;

import dev.scrum.check.DocumentOutline;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.symbols.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of the documents a run reviewed against, for what a report shows beyond their sizes: the PRD's
 * sections and where each passage stands (its heading and line). A report without them leaves those out.
 */
public final class ReportDocuments {

    private static final ReportDocuments NONE = new ReportDocuments(Map.of());

    private final Map<DocumentKind, String> texts;
    private final Map<DocumentKind, DocumentOutline> outlines = new EnumMap<>(DocumentKind.class);

    private ReportDocuments(Map<DocumentKind, String> texts) {
        this.texts = texts;
        texts.forEach((kind, text) -> outlines.put(kind, new DocumentOutline(text)));
    }

    /** No document text: a report of sizes only. */
    public static ReportDocuments none() {
        return NONE;
    }

    /** The PRD's text and the proposal's, either of which may be {@code null}. */
    public static ReportDocuments of(String prd, String proposal) {
        Map<DocumentKind, String> texts = new EnumMap<>(DocumentKind.class);
        if (prd != null) {
            texts.put(DocumentKind.PRD, prd);
        }
        if (proposal != null) {
            texts.put(DocumentKind.PROPOSAL, proposal);
        }
        return new ReportDocuments(texts);
    }

    /**
     * The documents read again from where the run read them, each only when it is still there with the length the
     * run recorded (a merge of shards knows the documents' paths and sizes, not their texts).
     */
    public static ReportDocuments read(List<DocumentInfo> documents) {
        Map<DocumentKind, String> texts = new EnumMap<>(DocumentKind.class);
        for (DocumentInfo d : documents) {
            for (DocumentKind kind : DocumentKind.values()) {
                if (kind.jsonName().equals(d.label())) {
                    String text = readIfSame(d);
                    if (text != null) {
                        texts.put(kind, text);
                    }
                }
            }
        }
        return new ReportDocuments(texts);
    }

    private static String readIfSame(DocumentInfo d) {
        try {
            Path path = Path.of(d.path());
            if (!Files.isRegularFile(path)) {
                return null;
            }
            String text = LineIndex.lfForLoneCr(Files.readString(path));
            return text.length() == d.chars() ? text : null;
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            return null;
        }
    }

    /** The document's text, or {@code null} when it is not known. */
    public String text(DocumentKind kind) {
        return texts.get(kind);
    }

    /** The document's outline, or {@code null} when its text is not known. */
    DocumentOutline outline(DocumentKind kind) {
        return outlines.get(kind);
    }
}
