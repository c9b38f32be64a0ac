package dev.scrum.chunk;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** How a document is written, which decides how it is cut into sections. */
enum DocumentFormat {
    /** {@code #} headings (and setext headings), fenced code blocks. */
    MARKDOWN,
    /** {@code =} headings, {@code [[anchor]]} lines, delimited blocks ({@code ----}, {@code ....}, ...). */
    ASCIIDOC,
    /** No structure: character windows. */
    TEXT;

    /**
     * The format of a document: by its file name ({@code .md}, {@code .markdown}; {@code .adoc},
     * {@code .asciidoc}, {@code .asc}), else by its text: the format of which it has at least two headings, else
     * plain text.
     */
    public static DocumentFormat of(Path path, String text) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdown") || name.endsWith(".mkd")) {
            return MARKDOWN;
        }
        if (name.endsWith(".adoc") || name.endsWith(".asciidoc") || name.endsWith(".asc")) {
            return ASCIIDOC;
        }
        if (AsciiDocSections.headings(text).stream().filter(h -> h.marker() == '=').count() >= 2) {
            return ASCIIDOC;
        }
        return MarkdownSections.headings(text).size() >= 2 ? MARKDOWN : TEXT;
    }

    /** The document's sections in order, covering the whole text; empty for plain text. */
    public List<Section> sections(String text) {
        return switch (this) {
            case MARKDOWN -> Sections.build(text, MarkdownSections.headings(text));
            case ASCIIDOC -> Sections.build(text, AsciiDocSections.headings(text));
            case TEXT -> List.of();
        };
    }
}
