package dev.scrum.cache;

import dev.scrum.ladder.Rung;
import dev.scrum.retrieve.ScoredChunk;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The fingerprint of everything that decided a file's review: the file's content, the passages sent, the
 * prompt's version, the rubric's settings, and the rungs up to the one that accepted (an answer accepted on
 * rung 3 depended on rungs 1 and 2 failing). A change to any of them is a different key, so a stale review is
 * never reused.
 */
public final class ReviewKey {

    /** Bumped when the stored form or what goes into a key changes. */
    static final int FORMAT = 3; // 2: a review stored as its input, outcome and provenance; 3: sealed with a MAC

    private final byte[] inputs;

    private ReviewKey(byte[] inputs) {
        this.inputs = inputs;
    }

    /**
     * @param fileText the file's whole content
     * @param passages every passage sent, of both documents, in prompt order
     * @param promptVersion the prompt template's version
     * @param rubric the rubric's settings, e.g. {@code minAnswerChars=200}
     */
    public static ReviewKey of(String fileText, List<ScoredChunk> passages, int promptVersion, String rubric) {
        MessageDigest d = sha256();
        field(d, "scrum-review-cache/" + FORMAT);
        field(d, "prompt/" + promptVersion);
        field(d, Objects.requireNonNull(rubric, "rubric"));
        field(d, fileText);
        for (ScoredChunk c : passages) {
            field(d, c.chunk().kind().name() + "@" + c.chunk().offset()
                    + (c.chunk().heading() == null ? "" : " " + c.chunk().heading()));
            field(d, c.chunk().text());
        }
        return new ReviewKey(d.digest());
    }

    /** The key of a review accepted on the last rung of {@code rungs}, having climbed all of them. */
    public String forLadder(List<Rung> rungs) {
        MessageDigest d = sha256();
        d.update(inputs);
        for (Rung r : rungs) {
            field(d, identity(r));
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /**
     * What of a rung decides its answers: never its key, never its timeout or concurrency; whether it is sent
     * masked text (kept out of the key of a rung sent the text as written, so that older keys stay valid).
     */
    static String identity(Rung r) {
        return String.join("|", r.provider().id(), r.model(), String.valueOf(r.baseUrls()), r.format().id(),
                String.valueOf(r.maxTokens()), String.valueOf(r.temperature()), String.valueOf(r.contextTokens()),
                r.usable() ? "usable" : "skipped") + (r.redactSecrets() ? "|secrets masked" : "");
    }

    private static void field(MessageDigest d, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        d.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        d.update((byte) ':');
        d.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
