package dev.scrum.redact;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a string looks random: long, mixing upper and lower case letters and digits, not an identifier
 * made of words, not a hash with an algorithm prefix, and of high Shannon entropy for its length.
 */
final class Entropy {

    /** The shortest string judged. */
    static final int MIN_LENGTH = 20;

    private Entropy() {}

    /** Shannon entropy in bits per character. */
    static double shannon(String s) {
        Map<Character, Integer> counts = new HashMap<>();
        for (char c : s.toCharArray()) {
            counts.merge(c, 1, Integer::sum);
        }
        double h = 0;
        for (int n : counts.values()) {
            double p = (double) n / s.length();
            h -= p * Math.log(p) / Math.log(2);
        }
        return h;
    }

    /**
     * The entropy a random string of this length reaches: 85 % of the most its length allows, at most 4.5
     * bits a character. Hexadecimal (at most 4 bits) and words stay below it.
     */
    static double threshold(int length) {
        return Math.min(4.5, 0.85 * Math.log(length) / Math.log(2));
    }

    static boolean looksRandom(String s) {
        if (s.length() < MIN_LENGTH || s.matches("(?i)(sha1|sha256|sha384|sha512|md5)-.*")) {
            return false;
        }
        boolean upper = s.chars().anyMatch(Character::isUpperCase);
        boolean lower = s.chars().anyMatch(Character::isLowerCase);
        boolean digit = s.chars().anyMatch(Character::isDigit);
        if (!(upper && lower && digit) || isIdentifier(s)) {
            return false;
        }
        return shannon(s) >= threshold(s.length());
    }

    /** The entropy, in bits a character, from which a value assigned to a secret name is taken for a secret. */
    static final double ASSIGNED_THRESHOLD = 3.5;
    /** The shortest value assigned to a secret name that is judged by its entropy. */
    static final int ASSIGNED_MIN_LENGTH = 16;

    /**
     * Whether a value assigned to a secret name ({@code SIGNING_KEY: 3f9a…}) looks random: at least 16
     * characters, at least 3.5 bits a character, and not an identifier, a dotted name, a path or a URL.
     */
    static boolean looksRandomForASecret(String s) {
        if (s.length() < ASSIGNED_MIN_LENGTH || isIdentifier(s) || s.matches("[\\w\\-]+(?:\\.[\\w\\-]+)+")
                || s.startsWith("/") || s.startsWith(".") || s.contains("://") || s.contains("${")) {
            return false;
        }
        return shannon(s) >= ASSIGNED_THRESHOLD;
    }

    /** {@code Base64UrlEncoder2}, {@code MAX_RETRY_COUNT_V2}: words of two letters or more, digits, separators. */
    private static boolean isIdentifier(String s) {
        return s.matches("(?:[A-Z]?[a-z]{2,}|[A-Z]+|[0-9]+|[_\\-])+");
    }
}
