package dev.scrum.publish;

/**
 * Publishing to a pull request failed: the message says what was asked of which platform, what it answered (never
 * a token) and what to do.
 */
public final class PublishException extends Exception {

    /** What went wrong, for the caller's decision and for tests. */
    public enum Kind {
        /** 401 or 403: the token is missing, wrong, or lacks the permission named. */
        AUTHENTICATION,
        /** 404: no such repository or pull request, or the token cannot see it. */
        NOT_FOUND,
        /** 429 or a secondary rate limit, still there after the retries. */
        RATE_LIMITED,
        /** Any other answer the platform should not give (5xx after retries, 4xx, a body that is not JSON). */
        UNEXPECTED,
        /** The connection failed or timed out. */
        NETWORK,
        /** Not enough is known to publish (no repository, no pull request number, no token). */
        CONFIGURATION
    }

    private final Kind kind;
    private final int status;

    public PublishException(Kind kind, int status, String message) {
        super(message);
        this.kind = kind;
        this.status = status;
    }

    public PublishException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = 0;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }
}
