package dev.scrum.report;

import dev.scrum.check.Citation;
import dev.scrum.check.DocumentOutline;
import dev.scrum.check.DocumentOutline.Section;
import dev.scrum.chunk.DocumentKind;
import dev.scrum.retrieve.ScoredChunk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which PRD sections each file was given and each finding cites, from the PRD's headings (Markdown {@code #},
 * AsciiDoc {@code =}; fenced code is never a heading). A passage belongs to every section whose text it overlaps
 * with more than blanks; a citation belongs where the passage it names does. Sections with text that no file was
 * given and no finding cites are the candidates for requirements nothing implements.
 */
final class RequirementsCoverage {

    /** A finding of a file that cites a section. */
    record Citer(FileReview review, Finding finding) {}

    /**
     * One section of the PRD.
     *
     * @param section where it is
     * @param givenTo the files whose passages overlap it, in the report's order
     * @param citedBy the findings whose citations fall in it, in the report's order
     */
    record Row(Section section, List<FileReview> givenTo, List<Citer> citedBy) {

        /** Each citing file once, in order, with its findings' distinct short names ({@code line 12}, {@code missing gap}). */
        Map<FileReview, List<String>> citingFiles() {
            Map<FileReview, Set<String>> byFile = new LinkedHashMap<>();
            for (Citer c : citedBy) {
                byFile.computeIfAbsent(c.review(), k -> new LinkedHashSet<>()).add(RunOverview.findingRef(c.finding()));
            }
            Map<FileReview, List<String>> out = new LinkedHashMap<>();
            byFile.forEach((r, refs) -> out.put(r, List.copyOf(refs)));
            return out;
        }

        /** A section with text of its own that nothing retrieved or cited. */
        boolean uncovered() {
            return section.hasBody() && givenTo.isEmpty() && citedBy.isEmpty();
        }
    }

    static final String INTRO = "Every section of the PRD (by its headings), the files whose retrieved passages "
            + "overlap it, and the findings whose citations fall in it.";
    static final String UNCOVERED = "Sections no file was given or cited";
    static final String NONE_UNCOVERED = "None: every section with text was given to a file or cited by a finding.";
    static final String CANDIDATES = "Candidates for requirements nothing implements:";

    private final String text;
    private final List<Section> sections;
    private final Map<Long, List<Integer>> spans = new HashMap<>();

    private RequirementsCoverage(String text, List<Section> sections) {
        this.text = text;
        this.sections = sections;
    }

    /** Every section of the PRD with what was given and cited in it; {@code null} when the PRD's text is unknown. */
    static List<Row> of(List<FileReview> reviews, ReportDocuments documents) {
        String prd = documents.text(DocumentKind.PRD);
        DocumentOutline outline = documents.outline(DocumentKind.PRD);
        if (prd == null || outline == null) {
            return null;
        }
        return new RequirementsCoverage(prd, outline.sections()).rows(reviews);
    }

    /** Why a report has no coverage, naming the PRD's path as {@code code} marks it up. */
    static String unavailable(RunReport run, Function<String, String> code) {
        return "The PRD's text was not at hand when this report was written ("
                + (run.documents().isEmpty() ? "no PRD recorded" : code.apply(run.documents().get(0).path())
                        + " is gone or changed")
                + "), so its sections are not listed.";
    }

    private List<Row> rows(List<FileReview> reviews) {
        List<Set<FileReview>> given = new ArrayList<>();
        List<Set<Citer>> cited = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            given.add(new LinkedHashSet<>());
            cited.add(new LinkedHashSet<>());
        }
        for (FileReview r : reviews) {
            for (ScoredChunk c : r.input().prdPassages()) {
                for (int s : sectionsOf(c.chunk().offset(), c.chunk().length())) {
                    given.get(s).add(r);
                }
            }
            for (Finding f : r.outcome().findings()) {
                for (Citation c : f.citations()) {
                    if (!c.valid() || !DocumentKind.PRD.promptLabel().equals(c.doc())) {
                        continue;
                    }
                    int length = r.input().prdPassages().stream().filter(p -> p.chunk().offset() == c.offset())
                            .mapToInt(p -> p.chunk().length()).findFirst().orElse(1);
                    for (int s : sectionsOf(c.offset(), length)) {
                        cited.get(s).add(new Citer(r, f));
                    }
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            rows.add(new Row(sections.get(i), List.copyOf(given.get(i)), List.copyOf(cited.get(i))));
        }
        return rows;
    }

    /** The sections whose own text {@code [offset, offset + length)} overlaps with more than blanks. */
    private List<Integer> sectionsOf(int offset, int length) {
        return spans.computeIfAbsent(((long) offset << 32) | length, k -> {
            List<Integer> out = new ArrayList<>();
            int end = Math.min(text.length(), offset + length);
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                int from = Math.max(offset, s.hasBody() ? s.bodyOffset() : s.offset());
                int to = Math.min(end, s.end());
                if (from < to && !text.substring(from, to).isBlank()) {
                    out.add(i);
                }
            }
            return out;
        });
    }
}
