package dev.scrum.report;

import java.util.List;

/**
 * A report as a plain page of sections, paragraphs, lists, tables and preformatted text, for a renderer that knows
 * its own markup (the site's Doxia sink): what {@code scrum-report.html} says, worded by the same
 * {@link RunOverview}, without its charts, script and style. Every text is plain text, never markup: the renderer
 * escapes it, since it comes from the reviewed files, the documents and the models.
 *
 * @param title the page's title
 * @param body the page's one top section: the gate's decision first, then the rest
 */
public record ReportPage(String title, Section body) {

    /** A part of a section's content. */
    public sealed interface Block permits Paragraph, Items, Table, Preformatted {}

    /**
     * A paragraph.
     *
     * @param lead words set in bold before the text, or {@code null}
     * @param text the text, or {@code ""} when the lead says it all
     */
    public record Paragraph(String lead, String text) implements Block {

        public Paragraph {
            text = text == null ? "" : text;
        }

        public static Paragraph of(String text) {
            return new Paragraph(null, text);
        }
    }

    /** A bulleted list. */
    public record Items(List<String> items) implements Block {

        public Items {
            items = List.copyOf(items);
        }
    }

    /** A table: a header row and rows of cells, each row as long as the header. */
    public record Table(List<String> header, List<List<String>> rows) implements Block {

        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header);
                }
            }
        }
    }

    /** Text shown as it is, in a monospaced block: a model's answer. */
    public record Preformatted(String text) implements Block {}

    /**
     * A section: its title, its content, then its subsections.
     *
     * @param id the anchor a link can point at, unique on the page
     */
    public record Section(String id, String title, List<Block> blocks, List<Section> sections) {

        public Section {
            blocks = List.copyOf(blocks);
            sections = List.copyOf(sections);
        }
    }

    public ReportPage {
        if (body == null) {
            throw new IllegalArgumentException("a page has a body");
        }
    }

    /** The page of {@code run}, with what {@code documents} add (the PRD's sections, the passages' headings). */
    public static ReportPage of(RunReport run, ReportDocuments documents) {
        return new ReportPageContent(run, documents).page();
    }

    /**
     * The page when there is no review to show, saying why and what to run: {@code No Scrum review was written
     * yet: target/scrum/summary.json does not exist. Run mvn scrum:review…}.
     *
     * @param why what is missing or wrong, a sentence without its full stop
     */
    public static ReportPage noReview(String why) {
        return new ReportPage(ReportPageContent.TITLE, new Section("scrum-review", ReportPageContent.TITLE,
                List.of(Paragraph.of(why + ". Run mvn scrum:review to review the project (it calls the models of its "
                        + "ladder), then mvn site again: this page shows the last review and calls no model.")),
                List.of()));
    }
}
