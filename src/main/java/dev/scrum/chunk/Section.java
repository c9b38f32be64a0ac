package dev.scrum.chunk;

/**
 * A section of a Markdown or AsciiDoc document: from its heading (with the anchor and attribute lines right above
 * it) up to the next heading of any level. Text before the first heading is a section with no title.
 *
 * @param start its first character's offset
 * @param end the offset just past it: the next section's start, or the document's length
 * @param level the heading's level (Markdown {@code #} is 1; AsciiDoc {@code =} is 0 and {@code ==} is 1); 0 for
 *     the text before the first heading
 * @param title the heading's text, or {@code null} for the text before the first heading
 * @param path the titles from the top down to this one, joined by {@code " > "} ({@code Writing Tests > Timeouts});
 *     a document title that heads the whole document is left out of its sections' paths
 * @param line the 1-based line of the heading (of the section's start for the text before the first heading)
 */
public record Section(int start, int end, int level, String title, String path, int line) {

    /** What joins the titles of a heading path. */
    public static final String PATH_SEPARATOR = " > ";

    /** Whether the section is the text before the first heading. */
    public boolean untitled() {
        return title == null;
    }

    /** Whether {@code offset} lies in this section. */
    public boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
