package dev.scrum.llm;

/**
 * What a server answered to one POST: its status and its body, whatever the status.
 *
 * @param status the HTTP status code
 * @param body the body as text (empty when there was none)
 * @param retries the retries the call took before this answer (see {@link HttpTransport})
 * @param pushback the server's 429 and 503 answers during the call, this one included
 */
record HttpReply(int status, String body, int retries, Pushback pushback) {
    private static final int EXCERPT_CHARS = 200;

    public HttpReply {
        body = body == null ? "" : body;
        pushback = pushback == null ? Pushback.NONE : pushback;
    }

    /** An answer on the first try. */
    public HttpReply(int status, String body) {
        this(status, body, 0, Pushback.NONE);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The body with runs of whitespace collapsed, cut to at most 200 characters, for messages. */
    public String excerpt() {
        String flat = body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(empty body)";
        }
        return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 3) + "...";
    }
}
