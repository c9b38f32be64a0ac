package dev.scrum.injection;

import java.util.Set;

/**
 * Who a verb's clause is about, read from the words just before it: {@code "ignore all previous
 * instructions"}, {@code "please ignore …"} and {@code "you must ignore …"} speak to the reader;
 * {@code "the parser will ignore …"}, {@code "we ignore …"} and {@code "it should report no issues"}
 * describe what something does.
 */
final class Clause {

    /** Subjects that make a clause a description of something other than the reader. */
    private static final Set<String> THIRD_PARTY = Set.of("it", "we", "they", "he", "she", "which", "who",
            "that", "this", "one", "i", "parser", "code", "method", "test", "tests", "rule", "check", "checker");
    /** Words between a subject and its verb. */
    private static final Set<String> MODALS = Set.of("will", "would", "can", "could", "may", "might", "shall",
            "should", "must", "to", "does", "did", "do", "cannot", "can't", "won't", "wouldn't", "shouldn't",
            "couldn't", "doesn't", "didn't", "mustn't", "not", "'ll", "ll", "then", "also", "always", "never",
            "just", "simply", "silently", "still", "usually", "generally", "typically", "now");
    /** Who the detector cares about: the reader of the prompt. */
    private static final Set<String> READER = Set.of("you", "u", "reviewer", "reviewers", "model", "ai", "llm",
            "assistant", "bot", "please");

    private Clause() {}

    /**
     * Whether the clause whose verb starts at {@code at} in {@code lower} describes a third party rather than
     * telling the reader: a third-party subject, or a modal whose subject is not the reader.
     */
    static boolean describesThirdParty(String lower, int at) {
        int end = at;
        boolean sawModal = false;
        for (int words = 0; words < 4; words++) {
            int start = wordStart(lower, end);
            if (start < 0) {
                return false;
            }
            String word = lower.substring(start, wordEnd(lower, start));
            if (READER.contains(word)) {
                return false;
            }
            if (THIRD_PARTY.contains(word)) {
                return true;
            }
            if (!MODALS.contains(word)) {
                return sawModal;
            }
            sawModal = true;
            end = start;
        }
        return sawModal;
    }

    /** The start of the word that ends before {@code end} (after spaces only), or -1 if there is none. */
    private static int wordStart(String lower, int end) {
        int i = end;
        while (i > 0 && lower.charAt(i - 1) == ' ') {
            i--;
        }
        int wordEnd = i;
        while (i > 0 && wordChar(lower.charAt(i - 1))) {
            i--;
        }
        return i < wordEnd ? i : -1;
    }

    private static int wordEnd(String lower, int start) {
        int i = start;
        while (i < lower.length() && wordChar(lower.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'';
    }
}
