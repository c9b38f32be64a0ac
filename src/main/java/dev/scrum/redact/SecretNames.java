package dev.scrum.redact;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Which names are given secrets ({@code password}, {@code apiKey}, {@code DB_PASS}), and which values are not. */
final class SecretNames {

    private static final List<String> WORDS = List.of("password", "passwd", "passphrase", "pwd", "secret", "token",
            "apikey", "accesskey", "authkey", "privatekey", "credential", "authorization");
    /** Names ending so hold something about a secret, not the secret: {@code passwordFile}, {@code maxTokens}. */
    private static final List<String> ABOUT_SECRETS = List.of("file", "path", "env", "header", "name", "length",
            "tokens", "count", "size", "limit", "timeout", "ttl", "type", "url", "uri", "endpoint", "policy");
    private static final Set<String> NOT_SECRETS = Set.of("true", "false", "null", "none", "nil", "yes", "no",
            "undefined", "required", "optional");

    private SecretNames() {}

    /** Whether a variable, key or property of this name holds a secret. */
    static boolean isSecret(String name) {
        String flat = name.toLowerCase(Locale.ROOT).replaceAll("[_.\\-\\s]", "");
        if (WORDS.stream().anyMatch(flat::contains)) {
            return ABOUT_SECRETS.stream().noneMatch(flat::endsWith);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("pass") || lower.matches(".*[_.\\-]pass");
    }

    /**
     * Whether a value assigned to a secret name is a secret: not a placeholder ({@code ${X}}, {@code {{x}}},
     * {@code <x>}, {@code %(x)s}), not a call, not a boolean or null, not a name such as {@code "X-Api-Key"}.
     */
    static boolean isSecretValue(String value) {
        String v = value.strip();
        if (v.length() < 4 || NOT_SECRETS.contains(v.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (v.startsWith("${") || v.startsWith("{{") || v.startsWith("<") || v.startsWith("%(") || v.startsWith("$(")
                || v.startsWith("#{") || v.contains("(") || v.matches("\\*+|x+|X+|\\.+")) {
            return false;
        }
        String flat = v.toLowerCase(Locale.ROOT).replaceAll("[_.\\-\\s]", "");
        return !v.matches("[A-Za-z_.\\-\\s]+") || WORDS.stream().noneMatch(flat::contains);
    }

    /**
     * Whether an unquoted value (properties, YAML, .env) is a secret and not code: a statement
     * ({@code key;}), a camelCase variable ({@code apiKey}) or a field access ({@code config.key}) is code.
     */
    static boolean isSecretLiteral(String value) {
        String v = value.strip();
        return isSecretValue(v) && !v.endsWith(";") && !v.endsWith(",") && !v.matches("[a-z]+[A-Z][A-Za-z]*")
                && !v.matches("[A-Za-z_]+(?:\\.[A-Za-z_]+)+");
    }
}
