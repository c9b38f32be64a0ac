package dev.scrum.llm;

/**
 * A chat call failed: the server answered with an error status, the network failed, the call timed out,
 * or the body was not what the protocol says. The message is safe to show: it never carries a credential.
 */
public class ChatException extends Exception {

    /** What kind of failure, for the attempt history. */
    public enum Kind {
        /** The server answered with an HTTP error status. */
        HTTP,
        /** Connection refused, reset, unknown host. */
        NETWORK,
        /** Connect or response timeout. */
        TIMEOUT,
        /** The body was not the protocol's JSON, or lacked its fields. */
        PROTOCOL
    }

    private final Kind kind;
    private final int status;
    private final int retries;
    private Pushback pushback = Pushback.NONE;

    public ChatException(Kind kind, int status, String message, Throwable cause) {
        this(kind, status, message, cause, 0);
    }

    /** @param retries the retries the call took before it failed for good */
    public ChatException(Kind kind, int status, String message, Throwable cause, int retries) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.retries = retries;
    }

    public ChatException(Kind kind, String message) {
        this(kind, 0, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the server refused the connection: nothing listens there (a replica that is down). */
    public boolean connectionRefused() {
        return kind == Kind.NETWORK && getCause() instanceof java.net.ConnectException;
    }

    /** The HTTP status for {@link Kind#HTTP}, else 0. */
    public int status() {
        return status;
    }

    /** This exception, saying the server pushed back during the call; returns {@code this}. */
    public ChatException withPushback(Pushback value) {
        pushback = value == null ? Pushback.NONE : value;
        return this;
    }

    /** The server's 429 and 503 answers during the failed call (see {@link Pushback}). */
    public Pushback pushback() {
        return pushback;
    }

    /** The retries the call took before it failed for good (429/502/503/504 answers, reset connections). */
    public int retries() {
        return retries;
    }
}
