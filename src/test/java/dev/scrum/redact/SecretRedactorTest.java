package dev.scrum.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretRedactorTest {

    private static Redacted redact(String text) {
        return SecretRedactor.standard().redact(text);
    }

    private static void assertMasked(String text, String secret, SecretKind kind) {
        Redacted r = redact(text);
        assertFalse(r.text().contains(secret), r.text());
        assertTrue(r.text().contains(kind.mask()), r.text());
        assertEquals(1, r.count(), r.text());
        assertEquals(text.lines().count(), r.text().lines().count(), "the lines stay");
    }

    @Test
    void anAwsAccessKeyIdIsMasked() {
        assertMasked("String id = AKIAIOSFODNN7EXAMPL3;", "AKIAIOSFODNN7EXAMPL3", SecretKind.AWS_KEY);
        assertMasked("aws session ASIAZ7CANARY0000AAAA used", "ASIAZ7CANARY0000AAAA", SecretKind.AWS_KEY);
    }

    @Test
    void theBodyOfAPrivateKeyBlockIsMaskedLineByLine() {
        String pem = """
                -----BEGIN RSA PRIVATE KEY-----
                MIIEowIBAAKCAQEA0canary0lineone0000000000000000000000000000000000
                b2xkLXNjaG9vbC1jYW5hcnktbGluZS10d28tMDAwMDAwMDAwMDAwMDAwMDAw
                -----END RSA PRIVATE KEY-----
                """;
        Redacted r = redact("key:\n" + pem + "done\n");

        assertEquals(1, r.count());
        assertFalse(r.text().contains("canary0lineone"), r.text());
        assertFalse(r.text().contains("b2xkLXNjaG9v"), r.text());
        assertEquals("""
                key:
                -----BEGIN RSA PRIVATE KEY-----
                «redacted:private-key»
                «redacted:private-key»
                -----END RSA PRIVATE KEY-----
                done
                """, r.text());
    }

    @Test
    void aGoogleServiceAccountsPrivateKeyIsMasked() {
        String json = "{\"type\": \"service_account\", \"private_key_id\": \"0f1e2d3c4b5a69788796a5b4c3d2e1f0a1b2c3d4\","
                + " \"private_key\": \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANcanaryGcp\\n-----END PRIVATE KEY-----\\n\"}";
        Redacted r = redact(json);

        assertFalse(r.text().contains("canaryGcp"), r.text());
        assertFalse(r.text().contains("0f1e2d3c4b5a6978"), r.text());
        assertTrue(r.text().contains("\"private_key\": \"«redacted:gcp-key»\""), r.text());
        assertEquals(2, r.count());
    }

    @Test
    void azureAccountAndSharedAccessKeysAreMasked() {
        String storage = "DefaultEndpointsProtocol=https;AccountName=shop;AccountKey=Zm9vYmFyY2FuYXJ5YXp1cmVrZXkwMDAwMDAwMDA=;"
                + "EndpointSuffix=core.windows.net";
        assertMasked(storage, "Zm9vYmFyY2FuYXJ5YXp1cmVrZXkwMDAwMDAwMDA=", SecretKind.AZURE_KEY);
        assertTrue(redact(storage).text().contains("AccountName=shop;"), "only the key goes");
        assertMasked("Endpoint=sb://bus.servicebus.windows.net/;SharedAccessKeyName=root;"
                + "SharedAccessKey=c2VydmljZWJ1c2NhbmFyeWtleTAw", "c2VydmljZWJ1c2NhbmFyeWtleTAw", SecretKind.AZURE_KEY);
    }

    @Test
    void aJwtIsMasked() {
        String jwt = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJjYW5hcnkifQ.c2lnbmF0dXJlLWNhbmFyeQ";
        assertMasked("Authorization: Bearer " + jwt, jwt, SecretKind.JWT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ghp_canary0123456789abcdefghijklmnopqrstu", "xoxb-1234567890-canaryslack",
        "sk-proj-canary0123456789abcdefghij", "AIzaSyCanary0123456789abcdefghijklmnopq", "glpat-canary0123456789abcdef"})
    void aTokenWithAWellKnownPrefixIsMasked(String token) {
        assertMasked("client.use(" + token + ")", token, SecretKind.TOKEN);
    }

    @Test
    void thePasswordOfAUrlIsMaskedNotItsUserOrHost() {
        Redacted r = redact("url: postgres://shop:canaryPw42@db.internal:5432/shop");

        assertEquals("url: postgres://shop:«redacted:url-password»@db.internal:5432/shop", r.text());
        assertEquals(1, r.count());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "String password = \"canaryHunter2\";|canaryHunter2",
        "private static final String API_KEY = \"canary-key-42\";|canary-key-42",
        "\"apiKey\": \"canaryJsonKey\",|canaryJsonKey",
        "  client_secret: 'canaryYamlQuoted'|canaryYamlQuoted",
        "db.password=canaryProps1|canaryProps1",
        "  token: canaryYaml7|canaryYaml7",
        "export GITHUB_TOKEN=canaryEnv9|canaryEnv9",
        "Server=db;Database=shop;User Id=app;Password=canaryAdo7;|canaryAdo7",
        "jdbc:postgresql://db/shop?user=app&password=canaryQuery3|canaryQuery3",
        "val credentials = \"canaryKotlin\"|canaryKotlin",
        "<server><id>cloud</id><password>canaryXml5</password></server>|canaryXml5"})
    void aValueAssignedToASecretNameIsMasked(String line, String secret) {
        Redacted r = redact(line);

        assertFalse(r.text().contains(secret), r.text());
        assertEquals(1, r.count(), r.text());
    }

    @Test
    void aLongRandomStringIsMasked() {
        assertMasked("String salt = \"Qx7vT2mL9pR4sW8zK1nB6cY3\";", "Qx7vT2mL9pR4sW8zK1nB6cY3", SecretKind.HIGH_ENTROPY);
        assertMasked("signing=Qx7vT2mL9pR4sW8zK1nB6cY3hJ5", "Qx7vT2mL9pR4sW8zK1nB6cY3hJ5", SecretKind.HIGH_ENTROPY);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "String password = getPassword();",
        "password = request.password;",
        "token = null;",
        "String TOKEN_HEADER = \"Authorization\";",
        "String passwordField = \"password\";",
        "db.password=${DB_PASSWORD}",
        "password: {{ vault_password }}",
        "secret: true",
        "if (token == \"\") return;",
        "UUID id = UUID.fromString(\"123e4567-e89b-12d3-a456-426614174000\");",
        "String sha = \"da39a3ee5e6b4b0d3255bfef95601890afd80709\";",
        "\"integrity\": \"sha512-Qx7vT2mL9pR4sW8zK1nB6cY3hJ5Qx7vT2mL9pR4sW8zK1nB6cY3hJ5==\"",
        "String name = \"OrderServiceImplementationTest2\";",
        "String path = \"/usr/local/lib/x86_64-linux-gnu\";",
        "int passengers = 4; String author = \"Ada Lovelace\";",
        "See http://localhost:8080/api/orders?limit=20 for details.",
        "<maxTokens>1500</maxTokens>",
        "String passwordFile = \"/run/secrets/db\";",
        "int x = 1;\n    c.contextTokens = 32768;",
        "String password = request.getParameter(\"password\");",
        "private JPasswordField passwordField;",
        "byte[] k = config.getSecretKey();",
        "String secretKey = keys.getSecretKey(alias);",
        "private static final String CACHE_KEY = \"scrum.review.cache.v2\";",
        "String key = \"OrderServiceImplementation\";",
        "Map<String, String> auth = Map.of();",
        "the reviewer checks the password field and the secret_key setting",
        "keyboard = \"Qx7vT2mL9pR4sW8z\";",
        "monkey: 3f9a1c2e7b8d4f6a0e1c3b5d7f9a2c4e",
        "KEY_FILE=/run/secrets/signing",
        "Authorization: Basic ${BASIC_AUTH}",
        "<master>{…}</master>",
        "machine host login me password …",
        "password required"})
    void aLookAlikeIsNotMasked(String line) {
        Redacted r = redact(line);

        assertEquals(line, r.text());
        assertEquals(0, r.count());
    }

    @Test
    void eachSecretIsCountedOnceEvenWhenTwoPatternsSeeIt() {
        Redacted r = redact("aws.secret.key=AKIAIOSFODNN7EXAMPL3\nString token = \"sk-proj-canary0123456789abcdefghij\";\n");

        assertEquals(2, r.count());
        assertEquals("aws.secret.key=«redacted:aws-key»\nString token = \"«redacted:token»\";\n", r.text());
    }

    @Test
    void entropyIsInBitsPerCharacter() {
        assertEquals(0.0, Entropy.shannon("aaaa"), 1e-9);
        assertEquals(2.0, Entropy.shannon("abcd"), 1e-9);
    }

    // base64("fakeuser:fakepass") and base64("me:not-a-real-pw"): obviously fake, but the shape of real credentials
    private static final String BASIC = "ZmFrZXVzZXI6ZmFrZXBhc3M=";

    @Test
    void basicCredentialsOfAnAuthorizationHeaderAreMasked() {
        assertMasked("Authorization: Basic " + BASIC, BASIC, SecretKind.HTTP_AUTH);
        assertMasked("curl -H 'Authorization: Bearer fake0bearer0token0value' https://x", "fake0bearer0token0value",
                SecretKind.HTTP_AUTH);
        assertMasked("the request sends Basic " + BASIC + " to the proxy", BASIC, SecretKind.HTTP_AUTH);
    }

    @Test
    void aNetrcPasswordIsMaskedOnOneLineOrAcrossLines() {
        assertEquals("machine host login me password «redacted:netrc-password»",
                redact("machine host login me password s3cr3t").text());
        assertMasked("machine build.example\n  login me\n  password fakeNetrcPw\n", "fakeNetrcPw",
                SecretKind.NETRC_PASSWORD);
    }

    @Test
    void aSecretKeyIsMaskedWithOrWithoutAnAssignment() {
        assertMasked("secret_key fakeSecretKey123", "fakeSecretKey123", SecretKind.ASSIGNED);
        assertMasked("the file hard-codes the secret_key fakeSecretKey123 in its settings", "fakeSecretKey123",
                SecretKind.ASSIGNED);
        assertMasked("SECRET_KEY = 'fake-django-key'", "fake-django-key", SecretKind.ASSIGNED);
    }

    @Test
    void anEnvironmentPasswordIsMaskedAtTheStartOfALineOrWithin() {
        assertMasked("DB_PASS=fakeDbPass9", "fakeDbPass9", SecretKind.ASSIGNED);
        assertMasked("docker run -e DB_PASS=fakeDbPass9 -p 5432:5432 postgres", "fakeDbPass9", SecretKind.ASSIGNED);
        assertMasked("Line 3 sets DB_PASS=fakeDbPass9 in the image.", "fakeDbPass9", SecretKind.ASSIGNED);
    }

    @Test
    void aHexSigningKeyIsMaskedByItsEntropy() {
        String hex = "3f9a1c2e7b8d4f6a0e1c3b5d7f9a2c4e";
        assertMasked("SIGNING_KEY: " + hex, hex, SecretKind.HIGH_ENTROPY);
        assertMasked("signing-key = \"" + hex + "\"", hex, SecretKind.HIGH_ENTROPY);
        assertMasked("auth: Zk4kE9qLm2Xv7PbT", "Zk4kE9qLm2Xv7PbT", SecretKind.HIGH_ENTROPY);
    }

    @Test
    void theAuthOfADockerConfigIsMasked() {
        assertMasked("{\"auths\": {\"registry.example\": {\"auth\": \"" + BASIC + "\"}}}", BASIC,
                SecretKind.DOCKER_AUTH);
    }

    @Test
    void mavensEncryptedMasterAndServerPasswordsAreMasked() {
        String master = "{jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u+9EF1iFQyJQ=}";
        assertMasked("<settingsSecurity><master>" + master + "</master></settingsSecurity>", master,
                SecretKind.MAVEN_PASSWORD);
        assertMasked("<server><id>x</id><password>{COQLCE6DU6GtcS5P=}</password></server>", "COQLCE6DU6GtcS5P",
                SecretKind.MAVEN_PASSWORD);
    }
}
