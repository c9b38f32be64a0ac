package dev.scrum.redact;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One way a secret shows in text: a regular expression whose group {@code group} is the secret, and a test of
 * the whole match that tells a secret from a look-alike.
 *
 * @param kind what is masked
 * @param regex where a secret may be
 * @param group the group that is the secret (only it is masked)
 * @param accept whether a match is a secret
 */
record SecretPattern(SecretKind kind, Pattern regex, int group, Predicate<Matcher> accept) {

    /** A pattern whose every match is a secret. */
    static SecretPattern of(SecretKind kind, String regex, int group) {
        return new SecretPattern(kind, Pattern.compile(regex), group, m -> true);
    }

    /** The spans of the secrets in {@code text}. */
    List<Span> find(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = regex.matcher(text);
        while (m.find()) {
            if (m.start(group) < m.end(group) && accept.test(m)) {
                spans.add(new Span(m.start(group), m.end(group), kind));
            }
        }
        return spans;
    }

    /** Where a secret is: {@code [start, end)}. */
    record Span(int start, int end, SecretKind kind) {
        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }
    }
}
