package dev.scrum.publish;

import java.util.Locale;

/** The code forges a review is published to, each with its CI's defaults. */
public enum Platform {
    GITHUB("github", "GitHub", "GITHUB_TOKEN", "pull-requests: write (and issues: write for the summary comment)"),
    GITLAB("gitlab", "GitLab", "GITLAB_TOKEN", "the api scope, as a Developer or higher on the project"),
    GITEA("gitea", "Gitea/Forgejo", "GITEA_TOKEN", "write:repository and write:issue");

    private final String id;
    private final String title;
    private final String tokenEnv;
    private final String permission;

    Platform(String id, String title, String tokenEnv, String permission) {
        this.id = id;
        this.title = title;
        this.tokenEnv = tokenEnv;
        this.permission = permission;
    }

    /** Its name in {@code <forge><platform>}: {@code github}, {@code gitlab}, {@code gitea}. */
    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** The environment variable the token is read from when none is configured. */
    public String tokenEnv() {
        return tokenEnv;
    }

    /** What the token must be allowed, for the message of a 401 or 403. */
    public String permission() {
        return permission;
    }

    /** The platform of a {@code <forge><platform>} value ({@code forgejo} is Gitea's), or {@code null}. */
    public static Platform of(String id) {
        String word = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (p.id.equals(word)) {
                return p;
            }
        }
        return "forgejo".equals(word) ? GITEA : null;
    }
}
