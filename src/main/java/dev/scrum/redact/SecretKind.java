package dev.scrum.redact;

/** What kind of secret was masked; its {@link #id()} names it in the mask {@code «redacted:id»}. */
enum SecretKind {
    /** A private-key PEM block's body. */
    PRIVATE_KEY("private-key"),
    /** A Google Cloud service account's {@code private_key}. */
    GCP_KEY("gcp-key"),
    /** An AWS access key id ({@code AKIA…}, {@code ASIA…}). */
    AWS_KEY("aws-key"),
    /** An Azure storage or service-bus key ({@code AccountKey=}, {@code SharedAccessKey=}, a SAS {@code sig=}). */
    AZURE_KEY("azure-key"),
    /** A JSON web token. */
    JWT("jwt"),
    /** A token with a well-known prefix (GitHub, GitLab, Slack, OpenAI, Google API, Stripe). */
    TOKEN("token"),
    /** The credentials of an HTTP {@code Authorization} header ({@code Basic}, {@code Bearer}, {@code Token}). */
    HTTP_AUTH("http-auth"),
    /** The {@code auth} of a Docker config ({@code base64(user:password)}). */
    DOCKER_AUTH("docker-auth"),
    /** A Maven encrypted password or master password ({@code <master>{…}</master>}, {@code <password>{…}</password>}). */
    MAVEN_PASSWORD("maven-password"),
    /** The password of a netrc entry ({@code machine host login me password …}). */
    NETRC_PASSWORD("netrc-password"),
    /** The password of a URL ({@code scheme://user:password@host}). */
    URL_PASSWORD("url-password"),
    /** A value assigned to a name such as password, secret, token or apiKey, in code or config. */
    ASSIGNED("secret"),
    /** A long string that looks random (high Shannon entropy). */
    HIGH_ENTROPY("high-entropy");

    private final String id;

    SecretKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The text that replaces a secret of this kind: {@code «redacted:id»}. */
    public String mask() {
        return "«redacted:" + id + "»";
    }
}
