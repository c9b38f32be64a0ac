package dev.scrum.symbols;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a source file declares, and where: every declared name with the lines that declare it (an overloaded
 * method has several), and the file's line count. Built from the file's own text; comments and string literals
 * are ignored. A reference is matched by its last identifier: {@code Foo.bar()}, {@code Foo#bar},
 * {@code bar(int)}, {@code this.bar} and {@code bar} all mean {@code bar}.
 *
 * <p>Java is read exactly, from its tokens; Kotlin, Groovy and Scala by patterns outside function
 * bodies; Python by indentation. For any other language only the lines are known: {@link #readsDeclarations()}
 * is false and no symbol can be checked.
 */
public final class SymbolTable {

    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    private final Language language;
    private final int lineCount;
    private final List<Declaration> declarations;
    private final Map<String, List<Integer>> lines = new LinkedHashMap<>();

    private SymbolTable(Language language, int lineCount, List<Declaration> declarations) {
        this.language = language;
        this.lineCount = lineCount;
        this.declarations = List.copyOf(declarations);
        for (Declaration d : this.declarations) {
            List<Integer> at = lines.computeIfAbsent(d.name(), k -> new ArrayList<>());
            if (!at.contains(d.line())) {
                at.add(d.line());
            }
        }
        lines.values().forEach(l -> l.sort(Integer::compare));
    }

    /**
     * The symbols of a file.
     *
     * @param path the file's path (its extension tells the language)
     * @param text the whole file
     */
    public static SymbolTable of(String path, String text) {
        Language language = Language.of(path);
        String code = SourceMask.codeOnly(text, language);
        List<Declaration> found = switch (language) {
            case JAVA -> JavaDeclarations.read(code);
            case KOTLIN, GROOVY, SCALA -> BraceDeclarations.read(code, language);
            case PYTHON -> PythonDeclarations.read(code);
            case OTHER -> List.of();
        };
        return new SymbolTable(language, new LineIndex(text).lineCount(), found);
    }

    /** The last identifier of a reference ({@code Foo.bar(int)} → {@code bar}), or {@code ""} when it has none. */
    public static String lastIdentifier(String reference) {
        if (reference == null) {
            return "";
        }
        String r = reference.strip().replace("`", "");
        int paren = r.indexOf('(');
        if (paren > 0) {
            r = r.substring(0, paren);
        }
        String previous;
        do {
            previous = r;
            r = r.replaceAll("<[^<>]*>", "");
        } while (!r.equals(previous));
        String last = "";
        Matcher m = IDENTIFIER.matcher(r);
        while (m.find()) {
            last = m.group();
        }
        return last;
    }

    public Language language() {
        return language;
    }

    /** Whether the file's declarations were read; when not, no symbol is known and none should be checked. */
    public boolean readsDeclarations() {
        return language.readsDeclarations();
    }

    /** The file's number of lines, as the review prompt numbers them. */
    public int lineCount() {
        return lineCount;
    }

    /** Every declaration, in the order found. */
    public List<Declaration> declarations() {
        return declarations;
    }

    /** Whether the file declares the reference's last identifier. */
    public boolean declares(String reference) {
        return lines.containsKey(lastIdentifier(reference));
    }

    /** Whether the file declares a type (class, interface, record, enum, object, trait) of the reference's last identifier. */
    public boolean declaresType(String reference) {
        String name = lastIdentifier(reference);
        return declarations.stream().anyMatch(d -> d.kind() == Declaration.Kind.TYPE && d.name().equals(name));
    }

    /** Every line declaring the reference's last identifier, in order (several for overloads); empty when none. */
    public List<Integer> lines(String reference) {
        return List.copyOf(lines.getOrDefault(lastIdentifier(reference), List.of()));
    }

    /** The first line declaring the reference's last identifier. */
    public Optional<Integer> line(String reference) {
        return lines(reference).stream().findFirst();
    }

    /** Whether {@code line} is a line of the file. */
    public boolean hasLine(int line) {
        return line >= 1 && line <= lineCount;
    }
}
