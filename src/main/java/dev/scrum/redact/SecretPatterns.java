package dev.scrum.redact;

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
            // connection strings and query strings: ;Password=…; ?password=…&
            new SecretPattern(SecretKind.ASSIGNED, Pattern.compile(
                    "[?&;][ \\t]*" + NAME + "[ \\t]*=[ \\t]*([^&;\\s\"'<>]+)"),
                    2, m -> SecretNames.isSecret(m.group(1)) && SecretNames.isSecretValue(m.group(2))),
            // long random strings: quoted, assigned at the end of a line, or a line of base64 alone
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile("([\"'`])(" + RANDOM_CHARS + "{20,})\\1"),
                    2, m -> Entropy.looksRandom(m.group(2))),
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile(
                    "(?m)[=:][ \\t]*(" + RANDOM_CHARS + "{20,})[ \\t]*$"), 1, m -> Entropy.looksRandom(m.group(1))),
            new SecretPattern(SecretKind.HIGH_ENTROPY, Pattern.compile(
                    "(?m)^[ \\t]*([A-Za-z0-9+/]{40,}={0,2})[ \\t]*$"), 1, m -> Entropy.looksRandom(m.group(1))));
}
