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
    /** The parts of a name ({@code SIGNING_KEY}, {@code db-pass}, {@code auth}) that mean it holds a secret. */
    private static final Set<String> SECRET_PARTS = Set.of("token", "secret", "secrets", "password", "passwd", "pass",
            "pwd", "key", "credential", "credentials", "auth", "passphrase");
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
     * Whether a name has a part meaning a secret, as a whole word or a part between {@code _}, {@code -} or
     * {@code .} ({@code key}, {@code SIGNING_KEY}, {@code db-pass}, but not {@code monkey} nor {@code keyboard}),
     * and does not end in a part about a secret ({@code KEY_FILE}, {@code token_ttl}).
     */
    static boolean hasSecretPart(String name) {
        List<String> parts = List.of(name.toLowerCase(Locale.ROOT).split("[_.\\-]+"));
        return !parts.isEmpty() && parts.stream().anyMatch(SECRET_PARTS::contains)
                && !ABOUT_SECRETS.contains(parts.get(parts.size() - 1));
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
