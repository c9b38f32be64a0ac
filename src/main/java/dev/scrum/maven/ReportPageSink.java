package dev.scrum.maven;

import dev.scrum.report.ReportPage;
import dev.scrum.report.ReportPage.Block;
import dev.scrum.report.ReportPage.Items;
import dev.scrum.report.ReportPage.Paragraph;
import dev.scrum.report.ReportPage.Preformatted;
import dev.scrum.report.ReportPage.Section;
import dev.scrum.report.ReportPage.Table;
import java.util.List;
import org.apache.maven.doxia.sink.Sink;

/**
 * A {@link ReportPage} as Doxia sink events, for the site's skin to lay out. Every text goes through
 * {@link Sink#text(String)}, which escapes it: nothing from a reviewed file, a document or a model becomes markup.
 */
final class ReportPageSink {

    /** Doxia's deepest section level. */
    private static final int DEEPEST = 6;

    private final Sink sink;

    private ReportPageSink(Sink sink) {
        this.sink = sink;
    }

    /** The whole page: its head with the title, then its body's sections. */
    static void render(ReportPage page, Sink sink) {
        sink.head();
        sink.title();
        sink.text(page.title());
        sink.title_();
        sink.head_();
        sink.body();
        new ReportPageSink(sink).section(page.body(), 1);
        sink.body_();
        sink.flush();
    }

    private void section(Section section, int depth) {
        int level = Math.min(depth, DEEPEST);
        sink.section(level, null);
        sink.anchor(section.id());
        sink.anchor_();
        sink.sectionTitle(level, null);
        sink.text(section.title());
        sink.sectionTitle_(level);
        section.blocks().forEach(this::block);
        section.sections().forEach(s -> section(s, depth + 1));
        sink.section_(level);
    }

    private void block(Block block) {
        if (block instanceof Paragraph p) {
            paragraph(p);
        } else if (block instanceof Items i) {
            items(i.items());
        } else if (block instanceof Table t) {
            table(t);
        } else if (block instanceof Preformatted p) {
            sink.verbatim();
            sink.text(p.text());
            sink.verbatim_();
        } else {
            throw new IllegalArgumentException("no rendering for " + block);
        }
    }

    private void paragraph(Paragraph p) {
        sink.paragraph();
        if (p.lead() != null) {
            sink.bold();
            sink.text(p.lead());
            sink.bold_();
            if (!p.text().isEmpty()) {
                sink.text(" ");
            }
        }
        sink.text(p.text());
        sink.paragraph_();
    }

    private void items(List<String> items) {
        sink.list();
        for (String item : items) {
            sink.listItem();
            sink.text(item);
            sink.listItem_();
        }
        sink.list_();
    }

    private void table(Table table) {
        sink.table();
        sink.tableRows(null, false);
        sink.tableRow();
        for (String name : table.header()) {
            sink.tableHeaderCell();
            sink.text(name);
            sink.tableHeaderCell_();
        }
        sink.tableRow_();
        for (List<String> row : table.rows()) {
            sink.tableRow();
            for (String cell : row) {
                sink.tableCell();
                sink.text(cell);
                sink.tableCell_();
            }
            sink.tableRow_();
        }
        sink.tableRows_();
        sink.table_();
    }
}
