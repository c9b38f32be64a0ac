package dev.scrum.check;

import dev.scrum.symbols.SymbolTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks what an answer claims about the file against the file itself: every suggestion's symbol is declared
 * and every line exists; no {@code missing} gap names a declared symbol; any other gap's symbol is declared.
 * Each problem is one sentence the next rung can act on, e.g. {@code gap 3 says `doc_refs` is missing, but
 * line 212 declares it}.
 *
 * <p>In a markdown answer only what can be read is checked: line references anywhere; a numbered change's
 * first backticked name when it is clearly a symbol of this file (it opens the item, or is a call such as
 * {@code `persist()`}, or is qualified by a type of this file such as {@code `Refunds.persist`}) and is not
 * introduced as new ("add `persist()`"); and the name a "missing" bullet says is missing ({@code missing:
 * `x`}, {@code `x` is missing}).
 */
final class Grounding {

    /** The most problems one reason lists. */
    static final int MAX_PROBLEMS = 8;

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern SYMBOL_REFERENCE = Pattern.compile(
            "(?:[A-Za-z_$][\\w$]*(?:\\.|#|::))*[A-Za-z_$][\\w$]*(\\([^()]*\\))?");
    private static final Pattern ITEM_HEAD = Pattern.compile("^[*_\\[]*`");
    private static final Pattern NEW_NAME = Pattern.compile("(?i)\\b(?:add|adding|introduce|introducing|create|"
            + "creating|new|extract|extracting|rename|renaming|define|defining|declare|declaring|implement|"
            + "implementing)\\b");
    private static final Pattern MISSING_NAMED = Pattern.compile("(?i)\\bmissing\\b[\\s:*_-]*(?:(?:a|an|the|method|"
            + "function|field|constant|class|property|member)\\s+){0,3}`([^`\\n]+)`");
    private static final Pattern NAMED_MISSING = Pattern.compile(
            "(?i)`([^`\\n]+)`\\s+(?:is|are)\\s+(?:missing|absent|not declared|not defined)\\b");
    /** Keywords, and file extensions ({@code `Refunds.java`} names a file, not a member {@code java}). */
    private static final Set<String> NOT_SYMBOLS = Set.of("null", "true", "false", "this", "super", "void", "new",
            "return", "None", "self", "java", "kt", "kts", "groovy", "gradle", "scala", "py", "md", "adoc", "xml",
            "json", "yml", "yaml", "properties", "txt");

    private final SymbolTable file;

    /** @param file the file under review */
    public Grounding(SymbolTable file) {
        this.file = file;
    }

    /** The problems of a structured answer, in the answer's order; empty when it is grounded. */
    public List<String> problems(StructuredAnswer answer) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < answer.suggestions().size(); i++) {
            StructuredAnswer.Suggestion s = answer.suggestions().get(i);
            String label = "suggestion " + (i + 1);
            if (present(s.symbol()) && file.readsDeclarations() && !file.declares(s.symbol())) {
                out.add(undeclared(label, s.symbol()));
            }
            if (s.line() != null && !file.hasLine(s.line())) {
                out.add(noSuchLine(label, s.line()));
            }
        }
        for (int i = 0; i < answer.gaps().size(); i++) {
            StructuredAnswer.Gap g = answer.gaps().get(i);
            String label = "gap " + (i + 1);
            if (!present(g.symbol()) || !file.readsDeclarations()) {
                continue;
            }
            Optional<Integer> declared = file.line(g.symbol());
            if ("missing".equals(g.kind()) && declared.isPresent()) {
                out.add(notMissing(label, g.symbol(), declared.get()));
            } else if (!"missing".equals(g.kind()) && declared.isEmpty()) {
                out.add(undeclared(label, g.symbol()));
            }
        }
        return out;
    }

    /** The problems of a markdown answer, in the answer's order; empty when nothing readable is wrong. */
    public List<String> problems(String markdown) {
        List<String> out = new ArrayList<>();
        for (MarkdownItems.Item item : MarkdownItems.of(markdown)) {
            if (file.readsDeclarations() && item.kind() == MarkdownItems.Kind.SUGGESTION) {
                String named = undeclaredSymbolOf(item.text());
                if (named != null) {
                    out.add(undeclared(item.label(), named));
                }
            }
            if (file.readsDeclarations() && "missing".equals(item.gapKind())) {
                String claimed = claimedMissing(item.text());
                if (claimed != null && file.line(claimed).isPresent()) {
                    out.add(notMissing(item.label(), claimed, file.line(claimed).get()));
                }
            }
            for (int line : item.lineReferences()) {
                if (!file.hasLine(line)) {
                    out.add(noSuchLine(item.label(), line));
                }
            }
        }
        return out;
    }

    /** The problems as one reason: every one, up to {@link #MAX_PROBLEMS}, then how many more. */
    public static String reason(List<String> problems) {
        if (problems.size() <= MAX_PROBLEMS) {
            return String.join("; ", problems);
        }
        return String.join("; ", problems.subList(0, MAX_PROBLEMS)) + "; and " + (problems.size() - MAX_PROBLEMS)
                + " more";
    }

    /** A numbered change's first backticked name, when it is clearly a symbol of this file that is not declared. */
    private String undeclaredSymbolOf(String text) {
        Matcher m = BACKTICKED.matcher(text);
        if (!m.find()) {
            return null;
        }
        String ref = m.group(1).strip();
        Matcher shape = SYMBOL_REFERENCE.matcher(ref);
        if (!shape.matches() || NOT_SYMBOLS.contains(SymbolTable.lastIdentifier(ref))) {
            return null;
        }
        String qualifier = qualifier(ref);
        boolean call = shape.group(1) != null;
        boolean opensItem = ITEM_HEAD.matcher(text).find();
        boolean ofThisFile = qualifier != null && (qualifier.equals("this") || file.declaresType(qualifier));
        if (qualifier != null && !ofThisFile) {
            return null; // a member of another type, or of a field's value
        }
        if (!(opensItem || call || ofThisFile) || NEW_NAME.matcher(text.substring(0, m.start())).find()) {
            return null;
        }
        return file.declares(ref) ? null : ref;
    }

    /** What {@code Foo.bar()} is qualified by ({@code Foo}), or {@code null} when it is not qualified. */
    private static String qualifier(String ref) {
        String name = ref.contains("(") ? ref.substring(0, ref.indexOf('(')) : ref;
        int cut = Math.max(name.lastIndexOf('.'), Math.max(name.lastIndexOf('#'), name.lastIndexOf("::")));
        return cut <= 0 ? null : name.substring(0, cut);
    }

    private static String claimedMissing(String text) {
        for (Pattern p : List.of(MISSING_NAMED, NAMED_MISSING)) {
            Matcher m = p.matcher(text);
            if (m.find() && SYMBOL_REFERENCE.matcher(m.group(1).strip()).matches()) {
                return m.group(1).strip();
            }
        }
        return null;
    }

    private static String undeclared(String label, String symbol) {
        return label + " names `" + symbol.strip() + "`, which the file does not declare";
    }

    private static String notMissing(String label, String symbol, int line) {
        return label + " says `" + symbol.strip() + "` is missing, but line " + line + " declares it";
    }

    private String noSuchLine(String label, int line) {
        return label + " points at line " + line + ", but the file has " + file.lineCount()
                + (file.lineCount() == 1 ? " line" : " lines");
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
