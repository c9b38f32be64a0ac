package dev.scrum.check;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the alignment score 1–10 out of a markdown answer, in the forms models really write:
 * {@code Alignment score: 8/10}, {@code **Score:** 8 / 10}, {@code ## Score: 7}, {@code 8 out of 10},
 * {@code | Alignment | 6/10 |}.
 */
final class ScoreParser {

    private static final String NUM = "(10|[1-9])(?:\\.\\d+)?";
    private static final List<Pattern> PATTERNS = List.of(
            // "score" (optionally "alignment score", "overall score") followed by a number, markup in between
            Pattern.compile("(?i)\\bscore\\b[^0-9\\n]{0,30}?" + NUM + "(?:\\s*(?:/|out of)\\s*10)?(?![0-9])"),
            // "alignment ... 8/10" in a table row or sentence
            Pattern.compile("(?i)\\balignment\\b[^0-9\\n]{0,40}?" + NUM + "\\s*(?:/|out of)\\s*10\\b"),
            // a bare "8/10" or "8 out of 10"
            Pattern.compile("(?i)(?<![0-9./])" + NUM + "\\s*(?:/|out of)\\s*10\\b"));

    private ScoreParser() {}

    /** The first score found, or {@code null} when the answer states none. */
    public static Integer parse(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return null;
        }
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(markdown);
            if (m.find()) {
                return Integer.valueOf(m.group(1));
            }
        }
        return null;
    }
}
