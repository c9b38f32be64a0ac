package dev.scrum.symbols;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the declarations of a Kotlin, Groovy or Scala file (comments and literals already blanked) by
 * patterns, keeping only those outside function bodies: types, functions ({@code fun}, {@code def}, Groovy's
 * typed methods), properties and fields ({@code val}, {@code var}, {@code def x =}, Groovy's typed fields),
 * primary-constructor properties and enum constants. Less exact than {@link JavaDeclarations}; it never fails.
 */
final class BraceDeclarations {

    private enum Scope { TOP, TYPE, BLOCK }

    private static final String NAME = "([A-Za-z_]\\w*)";
    private static final String ANNOTATIONS = "(?:@\\w+(?:\\([^)\\n]*\\))?\\s+)*";
    private static final String MODIFIERS =
            "(?:(?:public|protected|private|static|final|abstract|synchronized|transient|volatile|default)\\s+)*";
    private static final String JAVA_TYPE = "[A-Za-z_][\\w.]*(?:<[^\\n=]*?>)?(?:\\[\\])*\\s+";
    private static final Pattern TYPE_HEAD = Pattern.compile("(?<![.\\w])(?:class|interface|trait|object|enum)\\b");
    private static final Pattern ENUM_HEAD = Pattern.compile("(?<![.\\w])enum\\b");
    private static final Pattern TYPE = Pattern.compile("(?<![.\\w])(?:enum\\s+)?(?:class|interface|trait|object|enum)\\s+" + NAME);
    private static final Pattern KOTLIN_FUN = Pattern.compile("\\bfun\\s+(?:<[^>\\n]*>\\s*)?(?:[\\w<>?,]+\\.)?" + NAME + "\\s*[(<]");
    private static final Pattern PROPERTY = Pattern.compile("\\b(?:val|var)\\s+(?:[\\w<>?]+\\.)?" + NAME);
    private static final Pattern ENUM_CONSTANT = Pattern.compile("\\G[\\s,]*(?:case\\s+)?" + NAME);
    private static final Pattern DEF = Pattern.compile("\\bdef\\s+" + NAME + "\\s*([(\\[])?");
    private static final Pattern GROOVY_METHOD = Pattern.compile("(?m)^[ \\t]*" + ANNOTATIONS + MODIFIERS
            + "(?:<[^>\\n]*>\\s+)?" + JAVA_TYPE + NAME + "\\s*\\(");
    private static final Pattern GROOVY_FIELD = Pattern.compile("(?m)^[ \\t]*" + ANNOTATIONS + MODIFIERS
            + JAVA_TYPE + NAME + "[ \\t]*(?:=|;|$)");

    private final String code;
    private final Language language;
    private final Scope[] scopes;
    private final List<Declaration> out = new ArrayList<>();
    private final LineIndex lines;

    private BraceDeclarations(String code, Language language) {
        this.code = code;
        this.language = language;
        this.lines = new LineIndex(code);
        this.scopes = new Scope[code.length() + 1];
    }

    /** The declarations of {@code code}, a file of {@code language} with its comments and literals blanked. */
    static List<Declaration> read(String code, Language language) {
        BraceDeclarations scanner = new BraceDeclarations(code, language);
        scanner.mapScopes();
        scanner.find(TYPE, Declaration.Kind.TYPE);
        if (language == Language.KOTLIN) {
            scanner.find(KOTLIN_FUN, Declaration.Kind.METHOD);
        }
        if (language == Language.KOTLIN || language == Language.SCALA) {
            scanner.find(PROPERTY, Declaration.Kind.FIELD);
        }
        if (language == Language.GROOVY || language == Language.SCALA) {
            scanner.defs();
        }
        if (language == Language.GROOVY) {
            scanner.findInTypeBodies(GROOVY_METHOD, Declaration.Kind.METHOD);
            scanner.findInTypeBodies(GROOVY_FIELD, Declaration.Kind.FIELD);
        }
        return scanner.out;
    }

    /** Records the scope of every offset: the top level, a type's body, or any other block. */
    private void mapScopes() {
        Deque<Scope> stack = new ArrayDeque<>();
        int segmentStart = 0;
        int previousStart = 0;
        int parens = 0;
        for (int k = 0; k < code.length(); k++) {
            char c = code.charAt(k);
            scopes[k] = stack.isEmpty() ? Scope.TOP : stack.peek();
            if (c == '(') {
                parens++;
            } else if (c == ')') {
                parens = Math.max(0, parens - 1);
            } else if (c == '{') {
                String head = code.substring(segmentStart, k);
                if (head.isBlank()) {
                    head = code.substring(previousStart, k);
                }
                boolean type = (stack.isEmpty() || stack.peek() == Scope.TYPE) && TYPE_HEAD.matcher(head).find();
                stack.push(type ? Scope.TYPE : Scope.BLOCK);
                if (type && ENUM_HEAD.matcher(head).find()) {
                    enumConstants(k + 1);
                }
            } else if (c == '}' && !stack.isEmpty()) {
                stack.pop();
            }
            if (c == ';' || c == '{' || c == '}' || (c == '\n' && parens == 0)) {
                if (!code.substring(segmentStart, k).isBlank()) {
                    previousStart = segmentStart;
                }
                segmentStart = k + 1;
            }
        }
        scopes[code.length()] = Scope.TOP;
    }

    /** Enum constants from the body opening at {@code start}: {@code RED, GREEN(2), case BLUE}. */
    private void enumConstants(int start) {
        Matcher name = ENUM_CONSTANT.matcher(code);
        int k = start;
        while (name.find(k)) {
            String n = name.group(1);
            if (n.equals("fun") || n.equals("def") || n.equals("val") || n.equals("var")) {
                return;
            }
            add(n, Declaration.Kind.ENUM_CONSTANT, name.start(1));
            k = skipGroups(name.end());
            int next = skipSpaces(k);
            if (next >= code.length() || code.charAt(next) != ',') {
                return;
            }
            k = next + 1;
        }
    }

    private int skipGroups(int from) {
        int k = skipSpaces(from);
        while (k < code.length() && (code.charAt(k) == '(' || code.charAt(k) == '{')) {
            char open = code.charAt(k);
            char close = open == '(' ? ')' : '}';
            int depth = 0;
            for (; k < code.length(); k++) {
                if (code.charAt(k) == open) {
                    depth++;
                } else if (code.charAt(k) == close && --depth == 0) {
                    k++;
                    break;
                }
            }
            k = skipSpaces(k);
        }
        return k;
    }

    private int skipSpaces(int from) {
        int k = from;
        while (k < code.length() && Character.isWhitespace(code.charAt(k))) {
            k++;
        }
        return k;
    }

    private void find(Pattern pattern, Declaration.Kind kind) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            if (scopes[m.start(1)] != Scope.BLOCK && !m.group(1).equals("class")) {
                add(m.group(1), kind, m.start(1));
            }
        }
    }

    private void defs() {
        Matcher m = DEF.matcher(code);
        while (m.find()) {
            if (scopes[m.start(1)] != Scope.BLOCK) {
                add(m.group(1), m.group(2) != null ? Declaration.Kind.METHOD : Declaration.Kind.FIELD, m.start(1));
            }
        }
    }

    private void findInTypeBodies(Pattern pattern, Declaration.Kind kind) {
        Matcher m = pattern.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            if (scopes[m.start(1)] == Scope.TYPE && !name.equals("return") && !name.equals("new")) {
                add(name, kind, m.start(1));
            }
        }
    }

    private void add(String name, Declaration.Kind kind, int offset) {
        Declaration d = new Declaration(name, kind, lines.lineOf(offset));
        if (!out.contains(d)) {
            out.add(d);
        }
    }
}
