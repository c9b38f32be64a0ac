package dev.scrum.check;

import dev.scrum.chunk.Chunk;
import dev.scrum.chunk.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the citations in an answer ({@code [PRD @27880]}, {@code PRD@27880}, {@code [PLAN @16320]}) and
 * checks each against the passages the prompt carried: a citation is valid only when it names the exact
 * start offset of a passage that was sent. A valid citation is given its line and heading in its document
 * when the document's text is known.
 */
public final class CitationChecker {

    private static final Pattern CITATION = Pattern.compile("\\b(PRD|PLAN)\\s*@\\s*(\\d{1,9})\\b");

    private final Set<String> sent = new LinkedHashSet<>();
    private final Map<String, DocumentOutline> outlines = new HashMap<>();

    /** @param sentPassages every passage the prompt carried, of both documents */
    public CitationChecker(Collection<Chunk> sentPassages) {
        this(sentPassages, List.of());
    }

    /**
     * @param sentPassages every passage the prompt carried, of both documents
     * @param documents the documents the passages were cut from, to place valid citations in
     */
    public CitationChecker(Collection<Chunk> sentPassages, Collection<Document> documents) {
        for (Chunk c : sentPassages) {
            sent.add(key(c.kind().promptLabel(), c.offset()));
        }
        for (Document d : documents) {
            outlines.put(d.kind().promptLabel(), new DocumentOutline(d.text()));
        }
    }

    /** Every distinct citation in the text, in order of first appearance. */
    public List<Citation> check(String text) {
        List<Citation> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        Matcher m = CITATION.matcher(text);
        while (m.find()) {
            String doc = m.group(1);
            int offset = Integer.parseInt(m.group(2));
            if (seen.add(key(doc, offset))) {
                out.add(cite(doc, offset));
            }
        }
        return out;
    }

    /** Checks one citation given as its parts. */
    public Citation cite(String doc, int offset) {
        boolean valid = sent.contains(key(doc, offset));
        DocumentOutline outline = outlines.get(doc);
        if (!valid || outline == null) {
            return new Citation(doc, offset, valid, null, null);
        }
        return new Citation(doc, offset, true, outline.line(offset), outline.heading(offset));
    }

    private static String key(String doc, int offset) {
        return doc + "@" + offset;
    }
}
