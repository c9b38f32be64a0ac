package dev.scrum.report;

import dev.scrum.check.Citation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The report's list of a review's citations: each valid one with its line and heading in its document, each
 * invalid one marked, so a reader can check a finding against the passage it relies on.
 */
final class CitationSection {

    private CitationSection() {}

    /** Appends {@code ### Citations} and one line per distinct citation of the findings; nothing when there are none. */
    static void append(StringBuilder md, FileReview review) {
        Collection<Citation> distinct = distinct(review);
        if (distinct.isEmpty()) {
            return;
        }
        md.append("\n### Citations\n\n");
        for (Citation c : distinct) {
            md.append("- ").append(line(c)).append('\n');
        }
    }

    /** Each citation of the review's findings once, in the order they first appear. */
    static Collection<Citation> distinct(FileReview review) {
        Map<String, Citation> distinct = new LinkedHashMap<>();
        for (Finding f : review.outcome().findings()) {
            for (Citation c : f.citations()) {
                distinct.putIfAbsent(c.doc() + "@" + c.offset(), c);
            }
        }
        return distinct.values();
    }

    static String line(Citation c) {
        if (c.offset() < 0) {
            return "⚠ invalid citation \"" + c.doc() + "\": not PRD@<offset> or PLAN@<offset>";
        }
        String name = c.doc() + "@" + c.offset();
        if (!c.valid()) {
            return "⚠ invalid citation " + name + ": no such passage was sent";
        }
        StringBuilder s = new StringBuilder(name);
        if (c.line() != null) {
            s.append(" — line ").append(c.line());
        }
        if (c.heading() != null) {
            s.append(c.line() != null ? ", under “" : " — under “").append(c.heading()).append('”');
        }
        return s.toString();
    }
}
