package dev.scrum.symbols;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the declarations of a Java file from its tokens (comments and literals already blanked): every type
 * (nested ones, records, enums, interfaces, annotation types), and the members declared at type-body depth —
 * methods (each overload), constructors, their parameters, fields, enum constants and record components.
 * Bodies of methods and initializers are skipped, so local variables, lambdas and anonymous classes declare
 * nothing. Tolerant of code that does not compile: it never fails, it only finds less.
 */
final class JavaDeclarations {

    private static final Set<String> TYPE_KEYWORDS = Set.of("class", "interface", "enum", "record");
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "sealed", "permits", "yield");

    private record Token(String text, int line) {
        boolean is(String s) {
            return text.equals(s);
        }

        boolean identifier() {
            return Character.isJavaIdentifierStart(text.charAt(0)) && !KEYWORDS.contains(text);
        }
    }

    private final List<Token> tokens;
    private final List<Declaration> out = new ArrayList<>();
    private int i;

    private JavaDeclarations(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** The declarations of {@code code}, a Java file with its comments and literals blanked. */
    static List<Declaration> read(String code) {
        JavaDeclarations scanner = new JavaDeclarations(tokenize(code));
        while (scanner.i < scanner.tokens.size()) {
            scanner.member(null);
        }
        return scanner.out;
    }

    private static List<Token> tokenize(String code) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int n = code.length();
        for (int k = 0; k < n; ) {
            char c = code.charAt(k);
            if (c == '\n') {
                line++;
                k++;
            } else if (Character.isWhitespace(c)) {
                k++;
            } else if (Character.isJavaIdentifierPart(c)) {
                int start = k;
                while (k < n && Character.isJavaIdentifierPart(code.charAt(k))) {
                    k++;
                }
                tokens.add(new Token(code.substring(start, k), line));
            } else {
                tokens.add(new Token(String.valueOf(c), line));
                k++;
            }
        }
        return tokens;
    }

    private Token at(int k) {
        return k < tokens.size() ? tokens.get(k) : null;
    }

    private boolean atIs(int k, String s) {
        Token t = at(k);
        return t != null && t.is(s);
    }

    /** The body of a type named {@code type}, after its {@code '{'}; consumes the closing {@code '}'}. */
    private void typeBody(String type, boolean isEnum) {
        if (isEnum) {
            enumConstants();
        }
        while (i < tokens.size()) {
            if (atIs(i, "}")) {
                i++;
                return;
            }
            if (atIs(i, ";")) {
                i++;
                continue;
            }
            member(type);
        }
    }

    private void enumConstants() {
        while (i < tokens.size()) {
            skipAnnotations();
            Token t = at(i);
            if (t == null || t.is("}")) {
                return;
            }
            if (t.is(";")) {
                i++;
                return;
            }
            if (t.identifier()) {
                declare(t, Declaration.Kind.ENUM_CONSTANT);
                i++;
                if (atIs(i, "(")) {
                    skipBalanced("(", ")");
                }
                if (atIs(i, "{")) {
                    i++;
                    typeBody(t.text(), false);
                }
            } else {
                i++;
            }
            if (atIs(i, ",")) {
                i++;
            }
        }
    }

    /** One member of a type named {@code type} ({@code null}: the file's top level, where only types count). */
    private void member(String type) {
        List<Token> header = new ArrayList<>();
        int depth = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is("@") && at(i + 1) != null && !at(i + 1).is("interface")) {
                skipAnnotations();
                continue;
            }
            if (depth == 0 && (t.is(";") || t.is("{") || t.is("=") || t.is("}"))) {
                break;
            }
            depth += switch (t.text()) {
                case "(", "<", "[" -> 1;
                case ")", ">", "]" -> depth > 0 ? -1 : 0;
                default -> 0;
            };
            header.add(t);
            i++;
        }
        Token end = at(i);
        int kw = typeKeyword(header);
        if (kw >= 0) {
            typeDeclaration(header, kw, end);
        } else if (type == null) {
            skipStatement();
        } else if (end != null && end.is("{") && (header.isEmpty() || isStaticOnly(header) || isName(header, type))) {
            skipBalanced("{", "}"); // an initializer or a record's compact constructor
        } else if (parenAtDepthZero(header) > 0) {
            method(header, type, end);
        } else {
            fields(header, end);
        }
    }

    private void typeDeclaration(List<Token> header, int kw, Token end) {
        Token name = header.get(kw + 1);
        declare(name, Declaration.Kind.TYPE);
        if (header.get(kw).is("record")) {
            int open = kw + 2;
            if (open < header.size() && header.get(open).is("<")) {
                open = closing(header, open, "<", ">") + 1;
            }
            if (open < header.size() && header.get(open).is("(")) {
                declareParameters(header, open, Declaration.Kind.RECORD_COMPONENT);
            }
        }
        if (end != null && end.is("{")) {
            i++;
            typeBody(name.text(), header.get(kw).is("enum"));
        } else if (end != null && !end.is("}")) {
            i++;
        }
    }

    private void method(List<Token> header, String type, Token end) {
        int open = parenAtDepthZero(header);
        Token name = header.get(open - 1);
        if (name.identifier()) {
            declare(name, name.is(type) ? Declaration.Kind.CONSTRUCTOR : Declaration.Kind.METHOD);
            declareParameters(header, open, Declaration.Kind.PARAMETER);
        }
        if (end != null && end.is("{")) {
            skipBalanced("{", "}");
        } else if (end != null && end.is("=")) {
            skipStatement();
        } else if (end != null && !end.is("}")) {
            i++;
        }
    }

    /** Field declarators: {@code int a, b[] = {1}, c;}. */
    private void fields(List<Token> header, Token end) {
        declareDeclarators(header);
        Token t = end;
        while (t != null && t.is("=")) {
            i++;
            skipInitializer();
            if (!atIs(i, ",")) {
                break;
            }
            i++;
            List<Token> next = new ArrayList<>();
            while (i < tokens.size() && !atIs(i, "=") && !atIs(i, ",") && !atIs(i, ";") && !atIs(i, "}")
                    && !atIs(i, "{")) {
                next.add(tokens.get(i++));
            }
            if (!next.isEmpty() && next.get(0).identifier() && (next.size() == 1 || next.get(1).is("["))) {
                declare(next.get(0), Declaration.Kind.FIELD);
            }
            t = at(i);
        }
        if (atIs(i, ";")) {
            i++;
        } else if (atIs(i, "{")) {
            skipBalanced("{", "}");
        }
    }

    /** Names of a field header: identifiers followed (past array brackets) by a comma or its end. */
    private void declareDeclarators(List<Token> header) {
        int depth = 0;
        for (int k = 0; k < header.size(); k++) {
            Token t = header.get(k);
            depth += t.is("<") || t.is("(") ? 1 : t.is(">") || t.is(")") ? -1 : 0;
            if (depth != 0 || !t.identifier()) {
                continue;
            }
            int after = k + 1;
            while (after + 1 < header.size() && header.get(after).is("[") && header.get(after + 1).is("]")) {
                after += 2;
            }
            if ((after == header.size() || header.get(after).is(",")) && k > 0) {
                declare(t, Declaration.Kind.FIELD);
            }
        }
    }

    /** Parameters or record components in {@code header}'s parentheses opening at {@code open}. */
    private void declareParameters(List<Token> header, int open, Declaration.Kind kind) {
        int close = closing(header, open, "(", ")");
        Token last = null;
        int depth = 0;
        for (int k = open + 1; k < close; k++) {
            Token t = header.get(k);
            if (t.is("<") || t.is("(")) {
                depth++;
            } else if (t.is(">") || t.is(")")) {
                depth--;
            } else if (depth == 0 && t.is(",")) {
                declareIfName(last, kind);
                last = null;
            } else if (depth == 0 && t.identifier()) {
                last = t;
            }
        }
        declareIfName(last, kind);
    }

    private void declareIfName(Token t, Declaration.Kind kind) {
        if (t != null) {
            declare(t, kind);
        }
    }

    private static int closing(List<Token> header, int open, String o, String c) {
        int depth = 0;
        for (int k = open; k < header.size(); k++) {
            if (header.get(k).is(o)) {
                depth++;
            } else if (header.get(k).is(c) && --depth == 0) {
                return k;
            }
        }
        return header.size();
    }

    private static int typeKeyword(List<Token> header) {
        for (int k = 0; k + 1 < header.size(); k++) {
            Token t = header.get(k);
            if (TYPE_KEYWORDS.contains(t.text()) && header.get(k + 1).identifier()
                    && (k == 0 || !header.get(k - 1).is("."))) {
                if (t.is("record") && (k + 2 >= header.size()
                        || !(header.get(k + 2).is("(") || header.get(k + 2).is("<")))) {
                    continue;
                }
                return k;
            }
        }
        return -1;
    }

    /** The index of the first {@code '('} outside angle brackets, or -1. */
    private static int parenAtDepthZero(List<Token> header) {
        int depth = 0;
        for (int k = 0; k < header.size(); k++) {
            Token t = header.get(k);
            if (t.is("<")) {
                depth++;
            } else if (t.is(">")) {
                depth--;
            } else if (t.is("(") && depth == 0) {
                return k;
            }
        }
        return -1;
    }

    private static boolean isStaticOnly(List<Token> header) {
        return header.size() == 1 && header.get(0).is("static");
    }

    private static boolean isName(List<Token> header, String type) {
        return header.stream().filter(t -> !isModifier(t)).map(Token::text).toList().equals(List.of(type));
    }

    private static boolean isModifier(Token t) {
        return t.is("public") || t.is("protected") || t.is("private");
    }

    /** Skips {@code @Name}, {@code @a.b.Name} and {@code @Name(...)}, any number of them. */
    private void skipAnnotations() {
        while (atIs(i, "@") && at(i + 1) != null && !at(i + 1).is("interface")) {
            i += 2;
            while (atIs(i, ".") && at(i + 1) != null) {
                i += 2;
            }
            if (atIs(i, "(")) {
                skipBalanced("(", ")");
            }
        }
    }

    /** At {@code open}: skips to past its matching {@code close}. */
    private void skipBalanced(String open, String close) {
        int depth = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i++);
            if (t.is(open)) {
                depth++;
            } else if (t.is(close) && --depth <= 0) {
                return;
            }
        }
    }

    /** Skips an initializer's expression, to the comma or semicolon that ends it (not consumed). */
    private void skipInitializer() {
        int depth = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (depth == 0 && (t.is(",") || t.is(";") || t.is("}"))) {
                return;
            }
            if (t.is("{")) {
                skipBalanced("{", "}");
                continue;
            }
            depth += t.is("(") || t.is("[") ? 1 : t.is(")") || t.is("]") ? -1 : 0;
            i++;
        }
    }

    /** Skips a statement of the top level ({@code package}, {@code import}, a module), past its end. */
    private void skipStatement() {
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.is(";")) {
                i++;
                return;
            }
            if (t.is("{")) {
                skipBalanced("{", "}");
                return;
            }
            if (t.is("}")) {
                i++;
                return;
            }
            i++;
        }
    }

    private void declare(Token name, Declaration.Kind kind) {
        out.add(new Declaration(name.text(), kind, name.line()));
    }
}
