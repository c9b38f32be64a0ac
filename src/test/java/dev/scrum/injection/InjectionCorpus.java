package dev.scrum.injection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The labelled corpus of {@code src/test/resources/injection/} (see its README): hostile lines with their
 * shape and the kind they must be found as, and ordinary lines of open-source projects with their source. In
 * a line, {@code <U+XXXX>} stands for the code point U+XXXX (as {@link InjectionHit#quoted()} shows it) and {@code ↵} for a line break.
 */
public final class InjectionCorpus {

    private static final Pattern CODE_POINT = Pattern.compile("<U\\+([0-9A-F]{4,6})>");

    /** A hostile text: {@code shape} says what it imitates, {@code kind} what it must be found as. */
    public record Hostile(int row, String shape, InjectionKind kind, String text) {}

    /** An ordinary line and where it was taken from. */
    public record Ordinary(int row, String text, String repo, String path) {}

    /** How the detector did on the corpus. */
    public record Score(int hostile, int ordinary, List<Hostile> misses, List<Ordinary> falsePositives) {

        public int truePositives() {
            return hostile - misses.size();
        }

        public double precision() {
            int flagged = truePositives() + falsePositives.size();
            return flagged == 0 ? 1.0 : truePositives() / (double) flagged;
        }

        public double recall() {
            return hostile == 0 ? 1.0 : truePositives() / (double) hostile;
        }
    }

    private InjectionCorpus() {}

    public static List<Hostile> hostile() {
        return read("hostile.tsv", 3, (r, f) -> new Hostile(r, f[0], InjectionKind.valueOf(f[1]), decode(f[2])));
    }

    public static List<Ordinary> ordinary() {
        return read("ordinary.tsv", 3, (r, f) -> new Ordinary(r, decode(f[0]), f[1], f[2]));
    }

    /** A hostile text is found when the detector reports its kind on one of its lines. */
    public static boolean found(Hostile h) {
        return InjectionDetector.scan(h.text()).stream().anyMatch(hit -> hit.kind() == h.kind());
    }

    /** An ordinary line is a false positive when the detector reports anything on it. */
    public static boolean flagged(Ordinary o) {
        return !InjectionDetector.scan(o.text()).isEmpty();
    }

    public static Score score() {
        List<Hostile> hostile = hostile();
        List<Ordinary> ordinary = ordinary();
        return new Score(hostile.size(), ordinary.size(),
                hostile.stream().filter(h -> !found(h)).toList(),
                ordinary.stream().filter(InjectionCorpus::flagged).toList());
    }

    /** {@code <U+XXXX>} becomes the code point, {@code ↵} a line feed. */
    static String decode(String field) {
        Matcher m = CODE_POINT.matcher(field.replace('↵', '\n'));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private interface Row<T> {
        T of(int row, String[] fields);
    }

    private static <T> List<T> read(String name, int columns, Row<T> row) {
        String resource = "/injection/" + name;
        try (InputStream in = Objects.requireNonNull(InjectionCorpus.class.getResourceAsStream(resource), resource);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<T> rows = new ArrayList<>();
            String line = reader.readLine();
            for (int n = 2; (line = reader.readLine()) != null; n++) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + " row " + n + ": " + fields.length + " columns, not "
                            + columns);
                }
                rows.add(row.of(n, fields));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }
}
