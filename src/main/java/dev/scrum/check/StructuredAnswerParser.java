package dev.scrum.check;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses a structured answer and validates it against {@link AnswerSchema}: required properties, no others,
 * types, the score's range, the gap kinds. Every violation is reported with its JSON path, so the next rung
 * is told exactly what was wrong.
 */
final class StructuredAnswerParser {

    private static final Set<String> TOP = Set.of("score", "summary", "suggestions", "gaps");
    private static final Set<String> SUGGESTION = Set.of("title", "symbol", "line", "change", "citations");
    private static final Set<String> GAP = Set.of("kind", "symbol", "description", "citations");
    private static final Set<String> GAP_KINDS = Set.of("missing", "partial", "contradicts", "unrequested");
    private static final int MAX_ERRORS = 8;
    private static final int EXCERPT_CHARS = 40;
    /** How Gson words a syntax error; the next model needs "malformed JSON at line 1 column 9", not Gson's API. */
    private static final String GSON_HINT = "Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON";

    /** The parse: an answer, or the schema violations found. */
    public record Result(StructuredAnswer answer, List<String> errors) {
        public boolean ok() {
            return answer != null;
        }
    }

    private StructuredAnswerParser() {}

    public static Result parse(String text) {
        String json = stripFence(text == null ? "" : text.strip());
        if (!json.startsWith("{")) {
            return new Result(null, List.of("not JSON: it begins \"" + excerpt(json)
                    + "\" where the JSON object should begin; answer with the object alone"));
        }
        JsonElement root;
        try {
            JsonReader reader = new JsonReader(new StringReader(json));
            reader.setStrictness(Strictness.STRICT);
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            String msg = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            return new Result(null, List.of("not JSON: " + firstLine(msg).replace(GSON_HINT, "malformed JSON")));
        }
        List<String> errors = new ArrayList<>();
        if (!root.isJsonObject()) {
            return new Result(null, List.of("$ is not an object"));
        }
        JsonObject o = root.getAsJsonObject();
        properties(o, "$", TOP, errors);
        Integer score = integer(o, "score", "$", false, errors);
        if (score != null && (score < 1 || score > 10)) {
            errors.add("$.score is " + score + ", not between 1 and 10");
        }
        String summary = string(o, "summary", "$", false, errors);
        List<StructuredAnswer.Suggestion> suggestions = new ArrayList<>();
        JsonArray sa = array(o, "suggestions", "$", errors);
        for (int i = 0; sa != null && i < sa.size(); i++) {
            String path = "$.suggestions[" + i + "]";
            if (!sa.get(i).isJsonObject()) {
                errors.add(path + " is not an object");
                continue;
            }
            JsonObject s = sa.get(i).getAsJsonObject();
            properties(s, path, SUGGESTION, errors);
            suggestions.add(new StructuredAnswer.Suggestion(string(s, "title", path, false, errors),
                    string(s, "symbol", path, true, errors), integer(s, "line", path, true, errors),
                    string(s, "change", path, false, errors), strings(s, "citations", path, errors)));
        }
        List<StructuredAnswer.Gap> gaps = new ArrayList<>();
        JsonArray ga = array(o, "gaps", "$", errors);
        for (int i = 0; ga != null && i < ga.size(); i++) {
            String path = "$.gaps[" + i + "]";
            if (!ga.get(i).isJsonObject()) {
                errors.add(path + " is not an object");
                continue;
            }
            JsonObject g = ga.get(i).getAsJsonObject();
            properties(g, path, GAP, errors);
            String kind = string(g, "kind", path, false, errors);
            if (kind != null && !GAP_KINDS.contains(kind)) {
                errors.add(path + ".kind is \"" + kind + "\", not one of missing, partial, contradicts, unrequested");
            }
            gaps.add(new StructuredAnswer.Gap(kind, string(g, "symbol", path, true, errors),
                    string(g, "description", path, false, errors), strings(g, "citations", path, errors)));
        }
        if (!errors.isEmpty()) {
            return new Result(null, errors.size() > MAX_ERRORS ? errors.subList(0, MAX_ERRORS) : errors);
        }
        return new Result(new StructuredAnswer(score, summary, suggestions, gaps), List.of());
    }

    private static String stripFence(String text) {
        if (text.startsWith("```")) {
            int firstNewline = text.indexOf('\n');
            int lastFence = text.lastIndexOf("```");
            if (firstNewline > 0 && lastFence > firstNewline) {
                return text.substring(firstNewline + 1, lastFence).strip();
            }
        }
        return text;
    }

    private static void properties(JsonObject o, String path, Set<String> allowed, List<String> errors) {
        for (String name : allowed) {
            if (!o.has(name)) {
                errors.add(path + "." + name + " is missing");
            }
        }
        for (String name : o.keySet()) {
            if (!allowed.contains(name)) {
                errors.add(path + "." + name + " is not in the schema");
            }
        }
    }

    /** The property's value, or {@code null} when absent or null (a violation unless {@code nullable}). */
    private static JsonElement value(JsonObject o, String name, String path, boolean nullable, List<String> errors) {
        JsonElement e = o.get(name);
        if (e == null) {
            return null;
        }
        if (e.isJsonNull()) {
            if (!nullable) {
                errors.add(path + "." + name + " is null");
            }
            return null;
        }
        return e;
    }

    private static String string(JsonObject o, String name, String path, boolean nullable, List<String> errors) {
        JsonElement e = value(o, name, path, nullable, errors);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
            return e.getAsString();
        }
        errors.add(path + "." + name + " is not a string");
        return null;
    }

    private static Integer integer(JsonObject o, String name, String path, boolean nullable, List<String> errors) {
        JsonElement e = value(o, name, path, nullable, errors);
        if (e == null) {
            return null;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsJsonPrimitive().getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        errors.add(path + "." + name + " is not an integer");
        return null;
    }

    private static JsonArray array(JsonObject o, String name, String path, List<String> errors) {
        JsonElement e = o.get(name);
        if (e == null) {
            return null;
        }
        if (!e.isJsonArray()) {
            errors.add(path + "." + name + " is not an array");
            return null;
        }
        return e.getAsJsonArray();
    }

    private static List<String> strings(JsonObject o, String name, String path, List<String> errors) {
        JsonArray a = array(o, name, path, errors);
        List<String> out = new ArrayList<>();
        for (int i = 0; a != null && i < a.size(); i++) {
            JsonElement e = a.get(i);
            if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
                out.add(e.getAsString());
            } else {
                errors.add(path + "." + name + "[" + i + "] is not a string");
            }
        }
        return out;
    }

    private static String excerpt(String s) {
        String flat = s.replaceAll("\\s+", " ");
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS) + "…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
