package dev.scrum.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headings of an AsciiDoc document: section titles {@code = Title} (level 0, the document title) to
 * {@code ====== Title} (level 5), a closing run of {@code =} dropped, and the Markdown-style {@code ## Title}
 * Asciidoctor also accepts. A section starts at the anchor and attribute lines right above its title
 * ({@code [[anchor]]}, {@code [#id]}, {@code [appendix]}), so that they belong to it. Lines inside delimited blocks
 * (listing {@code ----}, literal {@code ....}, example {@code ====}, sidebar {@code ****}, quote {@code ____},
 * passthrough {@code ++++}, comment {@code ////}, open {@code --}, tables {@code |===}, fenced {@code ```}) are
 * never titles.
 */
final class AsciiDocSections {

    private static final Pattern TITLE = Pattern.compile("^(={1,6}|#{1,6})[ \\t]+(\\S.*?)(?:[ \\t]+=+)?[ \\t]*$");
    private static final Pattern DELIMITER = Pattern.compile(
            "^(?:-{4,}|\\.{4,}|={4,}|\\*{4,}|_{4,}|\\+{4,}|/{4,}|--|[|!,:]={3,}|`{3}.*)[ \\t]*$");
    private static final Pattern ATTRIBUTES = Pattern.compile("^\\[\\[[^\\]]+]]|^\\[[^\\[\\]]*][ \\t]*$");

    private AsciiDocSections() {}

    /** The headings of {@code text}, in order. */
    static List<Sections.Heading> headings(String text) {
        List<Sections.Line> lines = Sections.lines(text);
        List<Sections.Heading> out = new ArrayList<>();
        String block = null;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).text().stripTrailing();
            if (block != null) {
                if (closes(block, l)) {
                    block = null;
                }
                continue;
            }
            if (DELIMITER.matcher(l).matches()) {
                block = l.startsWith("```") ? "```" : l;
                continue;
            }
            Matcher m = TITLE.matcher(l);
            if (m.matches()) {
                int start = i;
                while (start > 0 && ATTRIBUTES.matcher(lines.get(start - 1).text().strip()).find()) {
                    start--;
                }
                char marker = m.group(1).charAt(0);
                int level = marker == '=' ? m.group(1).length() - 1 : m.group(1).length();
                out.add(new Sections.Heading(lines.get(start).offset(), lines.get(i).offset(), level,
                        m.group(2).strip(), marker));
            }
        }
        return out;
    }

    private static boolean closes(String block, String line) {
        return block.equals("```") ? line.equals("```") : line.equals(block);
    }
}
