package dev.scrum.redact;

import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/** When secrets are masked in what a rung is sent: the {@code redactSecrets} parameter. */
public enum RedactionPolicy {
    /** Masked for a rung with a server that is not on this machine (not a loopback URL); the default. */
    REMOTE,
    /** Masked for every rung. */
    ALWAYS,
    /** Never masked. */
    NEVER;

    /** {@code remote}, {@code always} or {@code never}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether what a rung with these servers is sent has its secrets masked. */
    public boolean appliesTo(List<URI> servers) {
        return switch (this) {
            case ALWAYS -> true;
            case NEVER -> false;
            case REMOTE -> !servers.stream().allMatch(Provider::isLoopback);
        };
    }

    /**
     * Parses {@code remote}, {@code always} or {@code never}, case-insensitively.
     *
     * @throws IllegalArgumentException naming the values allowed
     */
    public static RedactionPolicy parse(String value) {
        for (RedactionPolicy p : values()) {
            if (p.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a redaction policy: use remote (mask secrets "
                + "before a file goes to a server not on this machine), always or never");
    }
}
