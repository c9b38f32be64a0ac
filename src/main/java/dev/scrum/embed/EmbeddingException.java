package dev.scrum.embed;

/** An embedding could not be computed (model failure, server error, bad response). */
public class EmbeddingException extends RuntimeException {
    public EmbeddingException(String message) {
        super(message);
    }

    public EmbeddingException(String message, Throwable cause) {
        super(message, cause);
    }
}
