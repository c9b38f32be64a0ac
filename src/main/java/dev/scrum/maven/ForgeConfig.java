package dev.scrum.maven;

/**
 * {@code scrum:publish}'s {@code <forge>}: where the pull request is, when the CI's environment does not say, and
 * where the token comes from. There is no field for a token: it comes from settings.xml or the environment.
 */
public class ForgeConfig {
    /** {@code github}, {@code gitlab} or {@code gitea} ({@code forgejo}); detected from the CI when absent. */
    String platform;
    /** The REST API's base URL ({@code https://gitea.example/api/v1}); the CI's when absent. */
    String url;
    /** {@code owner/name} (GitHub, Gitea), or GitLab's project id or path; the CI's when absent. */
    String repository;
    /** The pull request's number (GitLab: the merge request's iid); the CI's when absent. */
    Integer number;
    /** A settings.xml {@code <server>} whose password is the token. */
    String serverId;
    /** An environment variable holding the token; the platform's default ({@code GITHUB_TOKEN} ...) when absent. */
    String tokenEnv;
    /**
     * The project's directory from the repository's root, with / ({@code ""} at the root); found by looking for
     * {@code .git} above the project when absent.
     */
    String pathPrefix;
}
