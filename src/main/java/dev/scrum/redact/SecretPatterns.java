package dev.scrum.redact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/** The secrets {@link SecretRedactor} masks, the most specific first (an earlier pattern wins an overlap). */
final class SecretPatterns {

    private static final String NAME = "([A-Za-z_][\\w.\\-]*)";
    private static final String RANDOM_CHARS = "[A-Za-z0-9+/=_\\-]";
    private static final String TOKENS = String.join("|",
            "(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}", "github_pat_[A-Za-z0-9_]{30,}", // GitHub
            "glpat-[A-Za-z0-9_\\-]{20,}", // GitLab
            "xox[abposr]-[A-Za-z0-9\\-]{10,}", // Slack
            "sk-(?:proj-|ant-)?[A-Za-z0-9_\\-]{20,}", // OpenAI, Anthropic
            "AIza[0-9A-Za-z_\\-]{35}", // Google API
            "(?:sk|rk)_(?:live|test)_[A-Za-z0-9]{16,}"); // Stripe

    private SecretPatterns() {}

    static final List<SecretPattern> STANDARD = List.of(
            // a Google Cloud service account file: "private_key": "-----BEGIN PRIVATE KEY-----\n..."
            SecretPattern.of(SecretKind.GCP_KEY, "\"private_key\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)+)\"", 1),
            // the body of a PEM private key; its BEGIN and END lines stay
            new SecretPattern(SecretKind.PRIVATE_KEY, Pattern.compile(
                    "-----BEGIN ([A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?)-----(.+?)-----END \\1-----", Pattern.DOTALL),
                    2, m -> true),
            SecretPattern.of(SecretKind.AWS_KEY,
                    "\\b((?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16})\\b", 1),
            SecretPattern.of(SecretKind.AZURE_KEY, "(?i)\\b(?:AccountKey|SharedAccessKey|SharedAccessSignature|sig)"
                    + "\\s*=\\s*([A-Za-z0-9+/%]{16,}=*)", 1),
            SecretPattern.of(SecretKind.JWT,
                    "\\b(eyJ[A-Za-z0-9_\\-]{8,}\\.eyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,})", 1),
            SecretPattern.of(SecretKind.TOKEN, "\\b(" + TOKENS + ")", 1),
            // Maven's settings-security.xml and settings.xml: <master>{…}</master>, <password>{…}</password>
            new SecretPattern(SecretKind.MAVEN_PASSWORD, Pattern.compile(
                    "<(master|password|passphrase)>[ \\t]*(\\{[^<}\\s]+\\})[ \\t]*</\\1>"),
                    2, m -> !isPlaceholder(m.group(2))),
            new SecretPattern(SecretKind.MAVEN_PASSWORD, Pattern.compile(
                    "<master>[ \\t]*([^<\\s][^<\\r\\n]*?)[ \\t]*</master>"), 1, m -> !isPlaceholder(m.group(1))),
            // Authorization: Basic …, Bearer …, Token … (a header, a curl -H, a header map)
            SecretPattern.of(SecretKind.HTTP_AUTH, "(?i)\\b(?:proxy-)?authorization[\"']?[ \\t]*[:=,][ \\t]*[\"']?"
                    + "(?:basic|bearer|token|digest)[ \\t]+([A-Za-z0-9+/=._~\\-]{6,})", 1),
            // Basic dXNlcjpwYXNz… anywhere, when it decodes to user:password
            new SecretPattern(SecretKind.HTTP_AUTH, Pattern.compile("\\bBasic[ \\t]+([A-Za-z0-9+/]{8,}={0,2})"),
                    1, m -> isUserAndPassword(m.group(1))),
            // a Docker config.json: "auth": "base64(user:password)"
            new SecretPattern(SecretKind.DOCKER_AUTH, Pattern.compile("\"auth\"[ \\t]*:[ \\t]*\"([A-Za-z0-9+/]{8,}={0,2})\""),
                    1, m -> isUserAndPassword(m.group(1))),
            // netrc: machine host login me password s3cr3t (on one line or across lines)
            new SecretPattern(SecretKind.NETRC_PASSWORD, Pattern.compile("\\b(?:machine|default|login)\\s+"
                    + "(?:[^\\s\"'`]+\\s+)?(?:login\\s+[^\\s\"'`]+\\s+)?password\\s+([^\\s\"'`]+)"),
                    1, m -> !isPlaceholder(m.group(1))),
            // scheme://user:password@host; short passwords too, placeholders not
            new SecretPattern(SecretKind.URL_PASSWORD, Pattern.compile(
                    "\\b[A-Za-z][A-Za-z0-9+.\\-]{1,20}://[^\\s:/?#@\"'<>]+:([^\\s@/?#\"'<>]+)@"),
                    1, m -> SecretNames.isSecretValue(m.group(1)) || m.group(1).length() < 4),
            // code and JSON: password = "…", "apiKey": "…", token: '…', API_KEY => "…"
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile(
                    "([\"']?)" + NAME + "\\1[ \\t]*(?:=|:=|:|=>)[ \\t]*([\"'`])([^\"'`\\r\\n]+)\\3"),
                    4, m -> SecretNames.isSecret(m.group(2)) && SecretNames.isSecretValue(m.group(4))),
            // properties, YAML, .env, shell: db.password=…, token: …, export API_TOKEN=…
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile("(?m)^[ \\t]*(?:export[ \\t]+|-[ \\t]+)?" + NAME
                    + "[ \\t]*(?:=|:)[ \\t]*([^\\s\"'`#][^\\s#]*)[ \\t]*(?:#.*)?$"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretLiteral(m.group(2))),
            // XML: <password>…</password>, <apiKey>…</apiKey>
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile("<" + NAME + ">([^<\\r\\n]+)</\\1>"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretValue(m.group(2))),
            // mid-line environment variables: docker run -e DB_PASS=…, ENV API_TOKEN=…, "set DB_PASS=… in CI"
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile(
                    "(?<![\\w.\\-$])([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{3,})=([^\\s\"'`;&|<>()]+)"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretLiteral(m.group(2))),
            // a config line "name value" (netrc, ssh, nginx): password s3cr3t, secret_key …
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile("(?m)^[ \\t]*" + NAME
                    + "[ \\t]+([^\\s\"'`#=:][^\\s]*)[ \\t]*$"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretLiteral(m.group(2))),
            // a snake or upper-case secret name then its value, in prose: "the secret_key abc123FAKE is …"
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile(
                    "\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[ \\t]+([A-Za-z0-9+/=_\\-]{8,})\\b"),
                    2, m -> SecretNames.isSecret(m.group(1)) && m.group(2).matches(".*[A-Za-z].*")
                            && m.group(2).matches(".*[0-9].*")),
            // connection strings and query strings: ;Password=…; ?password=…&
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile(
                    "[?&;][ \\t]*" + NAME + "[ \\t]*=[ \\t]*([^&;\\s\"'<>]+)"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretValue(m.group(2))),
            // a random value assigned to a name with a secret part: SIGNING_KEY: 3f9a…, auth = "…", db-pass=…
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile("(?<![\\w.\\-])" + NAME
                    + "[\"']?[ \\t]*(?::=|=>|=|:)[ \\t]*([\"'`]?)([A-Za-z0-9+/=_\\-.~]{16,})\\2"),
                    3, m -> SecretNames.hasSecretPart(m.group(1)) && Entropy.looksRandomForASecret(m.group(3))),
            // long random strings: quoted, assigned at the end of a line, or a line of base64 alone
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile("([\"'`])(" + RANDOM_CHARS + "{20,})\\1"),
                    2, m -> Entropy.looksRandom(m.group(2))),
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile(
                    "(?m)[=:][ \\t]*(" + RANDOM_CHARS + "{20,})[ \\t]*$"), 1, m -> Entropy.looksRandom(m.group(1))),
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile(
                    "(?m)^[ \\t]*([A-Za-z0-9+/]{40,}={0,2})[ \\t]*$"), 1, m -> Entropy.looksRandom(m.group(1))));

    /** {@code …}, {@code ...} or {@code {…}}: a value left out, as in documentation. */
    private static boolean isPlaceholder(String value) {
        return value.contains("…") || value.contains("...");
    }

    /** Whether {@code base64} decodes to {@code user:password}, as Basic credentials and Docker's auth do. */
    private static boolean isUserAndPassword(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon > 0 && colon < decoded.length() - 1 && decoded.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }
}
