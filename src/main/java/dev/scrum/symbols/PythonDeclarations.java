package dev.scrum.symbols;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the declarations of a Python file (comments and strings already blanked) by indentation: classes and
 * functions outside function bodies, assignments at module level and in class bodies, and {@code self.x =}
 * attributes of methods. Continuation lines inside brackets are not read as statements.
 */
final class PythonDeclarations {

    private enum Frame { CLASS, FUNCTION }

    private record Open(int indent, Frame frame) {}

    private static final Pattern CLASS = Pattern.compile("^class\\s+([A-Za-z_]\\w*)");
    private static final Pattern DEF = Pattern.compile("^(?:async\\s+)?def\\s+([A-Za-z_]\\w*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_]\\w*)\\s*(?::[^=]*)?=(?!=)");
    private static final Pattern ANNOTATED = Pattern.compile("^([A-Za-z_]\\w*)\\s*:\\s*[^=]+$");
    private static final Pattern SELF_ATTRIBUTE = Pattern.compile("\\bself\\.([A-Za-z_]\\w*)\\s*(?::[^=]*)?=(?!=)");

    private PythonDeclarations() {}

    /** The declarations of {@code code}, a Python file with its comments and strings blanked. */
    static List<Declaration> read(String code) {
        List<Declaration> out = new ArrayList<>();
        Deque<Open> open = new ArrayDeque<>();
        String[] lines = code.split("\n", -1);
        int brackets = 0;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            boolean continuation = brackets > 0;
            brackets = Math.max(0, brackets + depthChange(line));
            String stripped = line.strip();
            if (continuation || stripped.isEmpty()) {
                continue;
            }
            int indent = line.length() - line.stripLeading().length();
            while (!open.isEmpty() && open.peek().indent() >= indent) {
                open.pop();
            }
            Frame in = open.isEmpty() ? null : open.peek().frame();
            boolean inClass = open.stream().anyMatch(o -> o.frame() == Frame.CLASS);
            String statement = stripped.startsWith("@") ? "" : stripped;
            Matcher m;
            if ((m = CLASS.matcher(statement)).find()) {
                if (in != Frame.FUNCTION) {
                    out.add(new Declaration(m.group(1), Declaration.Kind.TYPE, n + 1));
                }
                open.push(new Open(indent, Frame.CLASS));
            } else if ((m = DEF.matcher(statement)).find()) {
                if (in != Frame.FUNCTION) {
                    out.add(new Declaration(m.group(1), Declaration.Kind.METHOD, n + 1));
                }
                open.push(new Open(indent, Frame.FUNCTION));
            } else if (in != Frame.FUNCTION && ((m = ASSIGNMENT.matcher(statement)).find()
                    || (in == Frame.CLASS && (m = ANNOTATED.matcher(statement)).find()))) {
                out.add(new Declaration(m.group(1), Declaration.Kind.FIELD, n + 1));
            } else if (in == Frame.FUNCTION && inClass) {
                Matcher self = SELF_ATTRIBUTE.matcher(statement);
                while (self.find()) {
                    out.add(new Declaration(self.group(1), Declaration.Kind.FIELD, n + 1));
                }
            }
        }
        return out;
    }

    private static int depthChange(String line) {
        int d = 0;
        for (int k = 0; k < line.length(); k++) {
            char c = line.charAt(k);
            if (c == '(' || c == '[' || c == '{') {
                d++;
            } else if (c == ')' || c == ']' || c == '}') {
                d--;
            }
        }
        return d;
    }
}
