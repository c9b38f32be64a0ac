package dev.scrum.retrieve;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a source file is about, as query text for retrieval: the whole file without what every file of a project
 * shares, cut into passages an embedding model reads whole.
 *
 * <p>Removed: a leading licence header (a block comment {@code /* ... *}{@code /}, or a run of {@code //} or
 * {@code #} comment lines, before the first code line, that mentions a licence, a copyright, Apache, MIT or SPDX;
 * any leading block comment directly before a {@code package} line) and {@code package} and {@code import} lines
 * in the style of Java, Kotlin, Scala and Groovy. Nothing else is dropped: every other line lands in a passage
 * (runs of blank lines shrink to one empty line). Beyond that the text is plain lines, whatever the language.
 */
public final class SourceQuery {

    private static final Pattern LICENCE = Pattern.compile(
            "licen[cs]e|copyright|apache|\\bmit\\b|spdx", Pattern.CASE_INSENSITIVE);
    private static final Pattern PACKAGE_OR_IMPORT = Pattern.compile(
            "\\s*(?:package\\s+[\\w$.]+|import\\s+(?:static\\s+)?[\\w$.]+(?:\\.\\*|\\.\\{[^}]*}|\\._|\\s+as\\s+[\\w$]+)?)"
                    + "\\s*;?\\s*(?://.*)?");
    private static final Pattern PACKAGE = Pattern.compile("\\s*package\\s+[\\w$.]+\\s*;?\\s*(?://.*)?");

    private SourceQuery() {}

    /**
     * The file's query passages, each at most {@code maxChars} characters, cut at line boundaries (a longer line is
     * split where the limit falls), in file order; passages with nothing but whitespace are left out.
     *
     * @throws IllegalArgumentException when {@code maxChars} is not positive
     */
    public static List<String> passages(String sourceText, int maxChars) {
        return cut(kept(sourceText), maxChars);
    }

    /**
     * The file's query text as one text: every line {@link #passages} keeps, in order (runs of blank lines shrunk
     * to one); {@code ""} when nothing is left.
     */
    public static String body(String sourceText) {
        List<String> one = cut(kept(sourceText), Integer.MAX_VALUE);
        return one.isEmpty() ? "" : one.get(0);
    }

    private static final Pattern TYPE = Pattern.compile(
            "\\b(?:class|interface|enum|record|object|trait)\\s+([A-Z][\\w$]*)");
    private static final Pattern COMMENT = Pattern.compile("(?s)/\\*.*?\\*/|//[^\n]*");
    private static final Pattern STEM = Pattern.compile("[A-Za-z_$][\\w$]*");

    /**
     * The name of the file's main type, or {@code ""}: the file's name without its extension when it is an
     * identifier ({@code src/ParameterSpec.java} gives {@code ParameterSpec}), else the first type its code (comments
     * left out) declares with a capitalised name ({@code class ParameterSpec}). In a code base with one class per
     * feature, the best single clue to the feature. {@code package-info.java} and the like give no name from the path.
     *
     * @param path the file's path as the review names it, or {@code null}
     */
    public static String primaryName(String path, String sourceText) {
        if (path != null && !path.isBlank()) {
            String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
            int dot = file.indexOf('.');
            String stem = dot < 0 ? file : file.substring(0, dot);
            if (STEM.matcher(stem).matches()) {
                return stem;
            }
        }
        Matcher m = TYPE.matcher(COMMENT.matcher(sourceText).replaceAll(" "));
        return m.find() ? m.group(1) : "";
    }

    /**
     * Any text cut into passages of at most {@code maxChars} characters at line boundaries (a longer line is split
     * where the limit falls), nothing removed but blank runs; passages with nothing but whitespace are left out.
     *
     * @throws IllegalArgumentException when {@code maxChars} is not positive
     */
    static List<String> cut(String text, int maxChars) {
        return cut(text.lines().toList(), maxChars);
    }

    private static List<String> cut(List<String> lines, int maxChars) {
        if (maxChars <= 0) {
            throw new IllegalArgumentException("maxChars must be greater than 0, was " + maxChars);
        }
        Passages passages = new Passages(maxChars);
        lines.forEach(passages::add);
        return passages.finish();
    }

    /** The lines of a file but its licence header, package and imports. */
    private static List<String> kept(String sourceText) {
        List<String> lines = sourceText.lines().toList();
        boolean[] header = headerLines(lines);
        List<String> kept = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!header[i] && !PACKAGE_OR_IMPORT.matcher(line).matches()) {
                kept.add(line);
            }
        }
        return kept;
    }

    /** Marks the lines of the licence headers among the comments before the first code line. */
    private static boolean[] headerLines(List<String> lines) {
        boolean[] header = new boolean[lines.size()];
        int start = skipBlank(lines, 0);
        int end = leadingCommentEnd(lines, start);
        while (end > start) {
            if (isHeader(lines, start, end)) {
                Arrays.fill(header, start, end, true);
            }
            start = skipBlank(lines, end);
            end = leadingCommentEnd(lines, start);
        }
        return header;
    }

    private static boolean isHeader(List<String> lines, int start, int end) {
        String comment = String.join("\n", lines.subList(start, end));
        if (LICENCE.matcher(comment).find()) {
            return true;
        }
        int next = skipBlank(lines, end);
        return comment.stripLeading().startsWith("/*") && next < lines.size() && PACKAGE.matcher(lines.get(next)).matches();
    }

    /**
     * The index of the line after the comment starting at line {@code start}: a block comment, or a run of
     * {@code //} or {@code #} lines; {@code start} itself when no comment starts there. A block comment whose last
     * line goes on with code after its close is not a header and counts as no comment.
     */
    private static int leadingCommentEnd(List<String> lines, int start) {
        if (start >= lines.size()) {
            return start;
        }
        String first = lines.get(start).strip();
        if (first.startsWith("/*")) {
            for (int i = start; i < lines.size(); i++) {
                String line = lines.get(i);
                int from = i == start ? line.indexOf("/*") + 2 : 0;
                int close = line.indexOf("*/", from);
                if (close >= 0) {
                    return line.substring(close + 2).isBlank() ? i + 1 : start;
                }
            }
            return start;
        }
        String marker = first.startsWith("//") ? "//" : first.startsWith("#") ? "#" : null;
        if (marker == null) {
            return start;
        }
        int i = start;
        while (i < lines.size() && lines.get(i).strip().startsWith(marker)) {
            i++;
        }
        return i;
    }

    private static int skipBlank(List<String> lines, int from) {
        int i = from;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    /** Packs lines into passages of at most {@code maxChars}; runs of blank lines count as one empty line. */
    private static final class Passages {
        private final int maxChars;
        private final List<String> done = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean previousBlank;

        Passages(int maxChars) {
            this.maxChars = maxChars;
        }

        void add(String line) {
            if (line.isBlank()) {
                if (current.length() == 0 || previousBlank) {
                    return;
                }
                line = "";
            }
            previousBlank = line.isEmpty();
            long needed = current.length() == 0 ? line.length() : current.length() + 1L + line.length();
            if (needed <= maxChars) {
                if (current.length() > 0) {
                    current.append('\n');
                }
                current.append(line);
                return;
            }
            flush();
            String rest = line;
            while (rest.length() > maxChars) {
                emit(rest.substring(0, maxChars));
                rest = rest.substring(maxChars);
            }
            if (!rest.isBlank()) {
                current.append(rest);
            }
        }

        List<String> finish() {
            flush();
            return List.copyOf(done);
        }

        private void flush() {
            emit(current.toString());
            current.setLength(0);
        }

        private void emit(String passage) {
            if (!passage.isBlank()) {
                done.add(passage);
            }
        }
    }
}
