package dev.scrum.redact;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Masks secrets in a text before it leaves the machine: private-key blocks, cloud keys (AWS access key ids,
 * a Google service account's {@code private_key}, Azure account and shared-access keys), JWTs, tokens with a
 * well-known prefix, passwords in URLs, values assigned to names such as {@code password}, {@code secret},
 * {@code token} or {@code apiKey} in code, JSON, properties, YAML or connection strings, and long random
 * strings. Each secret becomes {@code «redacted:kind»}; newlines are kept, so every line stays where it was
 * and line numbers stay right. Thread-safe.
 */
public final class SecretRedactor {

    private static final SecretRedactor STANDARD = new SecretRedactor(SecretPatterns.STANDARD);

    private final List<SecretPattern> patterns;

    private SecretRedactor(List<SecretPattern> patterns) {
        this.patterns = List.copyOf(patterns);
    }

    /** The redactor with every pattern above. */
    public static SecretRedactor standard() {
        return STANDARD;
    }

    /** {@code text} with its secrets masked, and how many there were. */
    public Redacted redact(String text) {
        List<SecretPattern.Span> kept = new ArrayList<>();
        for (SecretPattern pattern : patterns) {
            for (SecretPattern.Span span : pattern.find(text)) {
                if (kept.stream().noneMatch(span::overlaps)) {
                    kept.add(span);
                }
            }
        }
        if (kept.isEmpty()) {
            return new Redacted(text, 0);
        }
        kept.sort(Comparator.comparingInt(SecretPattern.Span::start));
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        for (SecretPattern.Span span : kept) {
            out.append(text, at, span.start());
            mask(out, text.substring(span.start(), span.end()), span.kind());
            at = span.end();
        }
        out.append(text, at, text.length());
        return new Redacted(out.toString(), kept.size());
    }

    /**
     * {@code text} with its secrets masked; {@code null} stays {@code null}. What is written (reports, the
     * cache, the log) passes through this, whatever {@code redactSecrets} says about what is sent.
     */
    public String mask(String text) {
        return text == null || text.isEmpty() ? text : redact(text).text();
    }

    /** Each line's part of a secret becomes the mask; the line breaks inside it stay. */
    private static void mask(StringBuilder out, String secret, SecretKind kind) {
        String[] lines = secret.split("(?<=\n)", -1);
        for (String line : lines) {
            String body = line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
            String cr = body.endsWith("\r") ? "\r" : "";
            body = body.substring(0, body.length() - cr.length());
            if (!body.isBlank()) {
                out.append(kind.mask());
            }
            out.append(cr).append(line.endsWith("\n") ? "\n" : "");
        }
    }
}
