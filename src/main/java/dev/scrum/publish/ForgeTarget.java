package dev.scrum.publish;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull or merge request to publish to, from the CI's standard environment and what is configured (which wins).
 *
 * @param platform which forge
 * @param apiUrl its REST API's base: {@code https://api.github.com}, {@code https://gitlab.example/api/v4},
 *     {@code https://gitea.example/api/v1}
 * @param repository {@code owner/name} (GitHub, Gitea), or GitLab's project id or path
 * @param number the pull request's number (GitLab: the merge request's iid)
 * @param headSha the commit the review is of, when known (GitHub's comments need it; else it is read from the pull
 *     request)
 * @param baseSha the base commit, when known
 */
public record ForgeTarget(Platform platform, URI apiUrl, String repository, int number, String headSha,
        String baseSha) {

    private static final Pattern PULL_REF = Pattern.compile("refs/pull/(\\d+)/(?:merge|head)");

    /**
     * What is configured in {@code <forge>}; {@code null} fields are taken from the environment.
     *
     * @param platform {@code github}, {@code gitlab}, {@code gitea} (or {@code forgejo})
     * @param url the API's base URL
     * @param repository {@code owner/name}, or GitLab's project id
     * @param number the pull or merge request's number
     */
    public record Configured(String platform, String url, String repository, Integer number) {}

    /**
     * Resolves the target: the configured values first, the CI's environment for the rest (GitHub Actions'
     * {@code GITHUB_*}, Gitea's and Forgejo's Actions, which set the same and {@code GITEA_ACTIONS} or
     * {@code FORGEJO_ACTIONS}; GitLab CI's {@code CI_*}).
     *
     * @param baseDirectory what a relative {@code GITHUB_EVENT_PATH} is resolved against
     * @throws PublishException ({@link PublishException.Kind#CONFIGURATION}) naming what is missing and where to set it
     */
    public static ForgeTarget resolve(Configured configured, Map<String, String> env, Path baseDirectory)
            throws PublishException {
        Platform platform = configured.platform() != null ? Platform.of(configured.platform()) : detect(env);
        if (platform == null) {
            throw configuration(configured.platform() != null
                    ? "<forge><platform> is '" + configured.platform() + "': use github, gitlab or gitea (forgejo)"
                    : "No pull request to publish to: neither GitHub Actions (GITHUB_REPOSITORY), GitLab CI "
                            + "(CI_MERGE_REQUEST_IID) nor Gitea/Forgejo Actions is detected. Run scrum:publish in a "
                            + "pull-request job, or configure <forge> (platform, url, repository, number)");
        }
        return platform == Platform.GITLAB ? gitLab(configured, env) : gitHubLike(platform, configured, env,
                baseDirectory);
    }

    private static Platform detect(Map<String, String> env) {
        if (set(env, "CI_MERGE_REQUEST_IID") || set(env, "GITLAB_CI")) {
            return Platform.GITLAB;
        }
        if ("true".equals(env.get("GITEA_ACTIONS")) || "true".equals(env.get("FORGEJO_ACTIONS"))) {
            return Platform.GITEA;
        }
        return set(env, "GITHUB_REPOSITORY") || set(env, "GITHUB_EVENT_PATH") ? Platform.GITHUB : null;
    }

    private static ForgeTarget gitHubLike(Platform platform, Configured configured, Map<String, String> env,
            Path baseDirectory) throws PublishException {
        String url = first(configured.url(), env.get("GITHUB_API_URL"),
                platform == Platform.GITHUB ? "https://api.github.com" : null);
        if (url == null) {
            throw configuration("No API URL for " + platform.title() + ": set <forge><url> (e.g. "
                    + "https://gitea.example/api/v1) or GITHUB_API_URL");
        }
        String repository = first(configured.repository(), env.get("GITHUB_REPOSITORY"));
        Integer number = configured.number();
        String head = null;
        String base = null;
        JsonObject pull = event(env, baseDirectory);
        if (pull != null) {
            number = number != null ? number : integer(pull.get("number"));
            head = sha(pull, "head");
            base = sha(pull, "base");
        }
        if (number == null && env.get("GITHUB_REF") != null) {
            Matcher m = PULL_REF.matcher(env.get("GITHUB_REF"));
            number = m.matches() ? Integer.valueOf(m.group(1)) : null;
        }
        if (repository == null || !repository.matches("[\\w.-]+/[\\w.-]+")) {
            throw configuration("No repository for " + platform.title() + (repository == null ? "" : " ('"
                    + repository + "' is not owner/name)") + ": set <forge><repository> (owner/name) or "
                    + "GITHUB_REPOSITORY");
        }
        if (number == null || number <= 0) {
            throw configuration("No pull request number: this is not a pull-request event (GITHUB_EVENT_PATH has no "
                    + "pull_request). Run scrum:publish on pull_request events, or set <forge><number>");
        }
        return new ForgeTarget(platform, uri(url), repository, number, head, base);
    }

    private static ForgeTarget gitLab(Configured configured, Map<String, String> env) throws PublishException {
        String url = first(configured.url(), env.get("CI_API_V4_URL"));
        String project = first(configured.repository(), env.get("CI_PROJECT_ID"));
        Integer number = configured.number() != null ? configured.number() : integer(env.get("CI_MERGE_REQUEST_IID"));
        if (url == null) {
            throw configuration("No GitLab API URL: set <forge><url> (https://gitlab.example/api/v4) or CI_API_V4_URL");
        }
        if (project == null) {
            throw configuration("No GitLab project: set <forge><repository> (the project's id or path) or "
                    + "CI_PROJECT_ID");
        }
        if (number == null || number <= 0) {
            throw configuration("No merge request: CI_MERGE_REQUEST_IID is not set (run the job in a merge-request "
                    + "pipeline: rules: - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"), or set <forge><number>");
        }
        return new ForgeTarget(Platform.GITLAB, uri(url), project, number, env.get("CI_COMMIT_SHA"),
                env.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"));
    }

    /** The event's {@code pull_request}, or {@code null} when there is no event file or no pull request in it. */
    private static JsonObject event(Map<String, String> env, Path baseDirectory) throws PublishException {
        String file = env.get("GITHUB_EVENT_PATH");
        if (file == null || file.isBlank()) {
            return null;
        }
        Path path = baseDirectory.resolve(file);
        try {
            JsonElement json = JsonParser.parseString(Files.readString(path, StandardCharsets.UTF_8));
            if (json.isJsonObject() && json.getAsJsonObject().get("pull_request") instanceof JsonObject pull) {
                return pull;
            }
            return null;
        } catch (IOException | JsonParseException e) {
            throw configuration("GITHUB_EVENT_PATH (" + path + ") cannot be read as the event's JSON: "
                    + e.getMessage());
        }
    }

    private static String sha(JsonObject pull, String side) {
        return pull.get(side) instanceof JsonObject ref && ref.get("sha") != null && ref.get("sha").isJsonPrimitive()
                ? ref.get("sha").getAsString() : null;
    }

    private static Integer integer(Object value) {
        try {
            if (value instanceof JsonElement json && json.isJsonPrimitive()) {
                return json.getAsInt();
            }
            return value instanceof String s && s.strip().matches("\\d{1,9}") ? Integer.valueOf(s.strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static URI uri(String url) throws PublishException {
        try {
            URI uri = URI.create(url.strip().replaceAll("/+$", ""));
            if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
                throw configuration("The forge's API URL '" + url + "' is no http(s) URL: set <forge><url>");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw configuration("The forge's API URL '" + url + "' is no URL: " + e.getMessage());
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    private static boolean set(Map<String, String> env, String name) {
        return env.get(name) != null && !env.get(name).isBlank();
    }

    private static PublishException configuration(String message) {
        return new PublishException(PublishException.Kind.CONFIGURATION, 0, message);
    }

    /** {@code GitHub pull request octo/repo#7}. */
    public String describe() {
        return platform.title() + (platform == Platform.GITLAB ? " merge request " + repository + "!"
                : " pull request " + repository + "#") + number;
    }
}
