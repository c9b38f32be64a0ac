package dev.scrum.publish;

import java.util.List;

/**
 * One pull or merge request on a code forge (GitHub, GitLab, Gitea/Forgejo), as {@link Publisher} needs it. Each
 * platform maps its own REST API onto these calls; HTTP statuses become {@link PublishException}s, except a line
 * the platform will not take, which {@link #postInline} answers {@code false} to.
 */
public interface Forge extends AutoCloseable {

    /** What is published to, for messages: {@code GitHub pull request octo/repo#7}. */
    String describe();

    /** The lines the pull request adds or changes, per file. */
    ChangedLines changedLines() throws PublishException;

    /** The inline comments already on the pull request that carry a {@link CommentMarker#finding} marker. */
    List<PostedComment> postedComments() throws PublishException;

    /**
     * Posts one inline comment on its line.
     *
     * @return {@code false} when the platform refused that line (GitHub's and Gitea's 422, GitLab's 400 on a
     *     position): the remark then goes into the summary
     */
    boolean postInline(Remark remark) throws PublishException;

    /**
     * Marks an inline comment whose finding no longer holds as outdated, or resolves its thread.
     *
     * @return whether the platform allows it (Gitea's API does not)
     */
    boolean markOutdated(PostedComment comment) throws PublishException;

    /**
     * Updates the comment carrying {@link CommentMarker#SUMMARY} in place, or posts it when there is none.
     *
     * @return whether it was updated (else created)
     */
    boolean upsertSummary(String body) throws PublishException;

    /** Closes the connections. */
    @Override
    void close();

    /**
     * An inline comment of this plugin already on the pull request.
     *
     * @param id the platform's id of the comment (for GitLab: the discussion's id)
     * @param fingerprint the finding it is on
     * @param outdated whether it was already marked outdated
     * @param body its body as the platform has it
     */
    record PostedComment(String id, String fingerprint, boolean outdated, String body) {}
}
