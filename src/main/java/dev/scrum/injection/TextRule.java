package dev.scrum.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule over a {@link FoldedLine}: a regular expression over its lower-cased text (or, for a rule that
 * tells {@code SYSTEM} from {@code system}, its folded text with case kept), the words one of which the line
 * must contain before the expression is tried (cheap, and most lines contain none), and a test of each match
 * that tells text addressing the reader from text that only uses the words. A hit is reported at the group
 * named {@code hit} if the expression has one, else at the match.
 *
 * @param name a stable name, for tests
 * @param kind what a hit is
 * @param triggers groups of words: the line (lower-cased) must contain one word of every group; no group:
 *     always tried
 * @param pattern the expression
 * @param caseSensitive whether the expression is matched against the folded text with its case
 * @param afterFence whether the rule only applies to a line that closely follows a code fence
 * @param accept whether a match is a hit, given the lower-cased line and the match
 */
record TextRule(String name, InjectionKind kind, List<List<String>> triggers, Pattern pattern, boolean caseSensitive,
        boolean afterFence, BiPredicate<String, Matcher> accept) {

    TextRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        triggers = triggers.stream().map(List::copyOf).toList();
    }

    static TextRule of(String name, InjectionKind kind, List<String> triggers, String regex) {
        return of(name, kind, triggers, regex, (line, m) -> true);
    }

    static TextRule of(String name, InjectionKind kind, List<String> triggers, String regex,
            BiPredicate<String, Matcher> accept) {
        return new TextRule(name, kind, triggers.isEmpty() ? List.of() : List.of(triggers), Pattern.compile(regex), false,
                false, accept);
    }

    /** This rule, tried only on a line that also contains one of {@code words}. */
    TextRule requiring(String... words) {
        List<List<String>> groups = new ArrayList<>(triggers);
        groups.add(List.of(words));
        return new TextRule(name, kind, groups, pattern, caseSensitive, afterFence, accept);
    }

    TextRule matchingCase() {
        return new TextRule(name, kind, triggers, pattern, true, afterFence, accept);
    }

    TextRule onlyAfterFence() {
        return new TextRule(name, kind, triggers, pattern, caseSensitive, true, accept);
    }

    /** The index in the folded text where the rule's first hit on {@code line} starts, or -1. */
    int find(FoldedLine line) {
        return find(line, Integer.MAX_VALUE);
    }

    /**
     * The index where the rule's first hit on two joined lines starts, if it starts on the first (before
     * {@code boundary}, the first line's folded length) and runs into the second; or -1.
     */
    int findAcross(FoldedLine joined, int boundary) {
        return find(joined, boundary);
    }

    private int find(FoldedLine line, int boundary) {
        String lower = line.lower();
        if (!triggered(lower)) {
            return -1;
        }
        Matcher m = pattern.matcher(caseSensitive ? line.folded() : lower);
        while (m.find()) {
            int start = hasHitGroup() && m.start("hit") >= 0 ? m.start("hit") : m.start();
            if (boundary != Integer.MAX_VALUE && (start >= boundary || m.end() <= boundary)) {
                continue;
            }
            if (accept.test(lower, m)) {
                return start;
            }
        }
        return -1;
    }

    /** Whether a sentence of this rule's kind may run over two lines (not a marker, token or heading). */
    boolean joinable() {
        return kind != InjectionKind.ROLE_MARKER && kind != InjectionKind.CHAT_TEMPLATE_TOKEN
                && kind != InjectionKind.PROMPT_ESCAPE;
    }

    private boolean triggered(String lower) {
        for (List<String> group : triggers) {
            if (!containsAny(lower, group)) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(String lower, List<String> words) {
        for (String w : words) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasHitGroup() {
        return pattern.pattern().contains("(?<hit>");
    }
}
