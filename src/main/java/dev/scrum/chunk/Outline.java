package dev.scrum.chunk;

import dev.scrum.symbols.LineIndex;
import java.util.List;

/** A document's sections and lines: which section and which line an offset is in. Immutable. */
public final class Outline {

    private final DocumentFormat format;
    private final List<Section> sections;
    private final LineIndex lines;

    private Outline(DocumentFormat format, String text) {
        this.format = format;
        this.sections = List.copyOf(format.sections(text));
        this.lines = new LineIndex(text);
    }

    /** The outline of a document, its format decided by {@link DocumentFormat#of}. */
    public static Outline of(Document doc) {
        return of(DocumentFormat.of(doc.path(), doc.text()), doc.text());
    }

    public static Outline of(DocumentFormat format, String text) {
        return new Outline(format, text);
    }

    public DocumentFormat format() {
        return format;
    }

    /** The sections in document order; empty for plain text or a document without headings. */
    public List<Section> sections() {
        return sections;
    }

    /** The section {@code offset} lies in, or {@code null} when there is none. */
    public Section sectionAt(int offset) {
        int lo = 0;
        int hi = sections.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Section s = sections.get(mid);
            if (offset < s.start()) {
                hi = mid - 1;
            } else if (offset >= s.end()) {
                lo = mid + 1;
            } else {
                return s;
            }
        }
        return null;
    }

    /** The heading path of the section {@code offset} lies in, or {@code null}. */
    public String headingAt(int offset) {
        Section s = sectionAt(offset);
        return s == null ? null : s.path();
    }

    /** The 1-based line of {@code offset}. */
    public int line(int offset) {
        return lines.lineOf(offset);
    }
}
