import dev.scrum.testing.InvokerProject

def canaries = [
    'AKIAZ7CANARYAWS00001', 'ASIAZ7CANARYAWS00002',                 // AWS access key ids
    'canaryGcpKey', '0f1e2d3c4b5a69788796a5b4c3d2e1f0canary42',   // GCP service account
    'canaryAzureKey0123456789abcdefABCDEF',                         // Azure storage key
    'canaryPemLine1', 'canaryPemLine2',                             // PEM private key
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJjYW5hcnktand0In0',             // JWT
    'ghp_canary0123456789abcdefghijklmnopqrstu',                    // GitHub token
    'canary-pw-Hunter2', 'canaryProps9', 'canaryYaml42', 'canaryQuotedYaml77', // passwords, tokens
    'canaryUrlPw7',                                                 // a URL's password
    'Qx7vT2mL9pR4sW8zK1nCanaryB6cY3',                               // high entropy
]
def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')

    // not one canary in any request the server received, whole bodies searched
    def requests = p.requests()
    def chats = p.requests('/api/chat')
    assert chats.size() == 5
    new File(basedir, 'fake-server-requests').eachFile { f ->
        canaries.each { c -> assert !f.text.contains(c) : "${c} reached the server in ${f.name}" }
        assert !f.text.toLowerCase().contains('canary') : "a canary reached the server in ${f.name}"
    }

    // what was sent is the file, line for line, with masks where the secrets were
    def user = { r -> r.body.messages.find { it.role == 'user' }.content }
    def java = user(chats.find { user(it).contains('Settings.java') })
    assert java.contains(' 3|     static final String AWS_KEY_ID = "«redacted:aws-key»";')
    assert java.contains(' 5|     static final String DB_PASSWORD = "«redacted:secret»";')
    assert java.contains(' 7|     static final String DB_URL = "postgres://shop:«redacted:url-password»@db.internal:5432/shop";')
    assert java.contains('12|     static final String DB_USER = "shop";')
    def pem = user(chats.find { user(it).contains('deploy-key.pem') })
    assert pem.contains('1| -----BEGIN OPENSSH PRIVATE KEY-----\n2| «redacted:private-key»\n3| «redacted:private-key»\n4| -----END OPENSSH PRIVATE KEY-----')

    // the JSON and the report say how many, per file, never what
    def masked = [
        'src/main/java/com/example/secrets/Settings.java': 7,
        'src/main/resources/service-account.json': 2,
        'src/main/resources/application.properties': 2,
        'src/main/resources/application.yml': 2,
        'src/main/resources/deploy-key.pem': 1,
    ]
    masked.each { name, count ->
        def review = p.review("target/scrum", name)
        assert review.redactions == count : "${name}: ${review.redactions}"
        assert review.accepted_on == 1 : name
        assert review.score == 2
    }
    def summary = p.json('target/scrum/summary.json')
    assert summary.resolved == 5
    assert summary.total_redactions == 14
    def report = p.text('target/scrum-report.md')
    assert report.contains('- Secrets masked before sending (redactSecrets): 14 in 5 file(s)')
    assert report.contains('Secrets masked before sending: 7 (each replaced by «redacted:kind»; what they were is recorded nowhere).')
    assert log.contains('src/main/java/com/example/secrets/Settings.java: 7 secret(s) masked before the file was sent (redactSecrets)')

    // the files the plugin wrote carry no canary either: the reviews quote only the model's answers
    new File(basedir, 'target').eachFileRecurse { f ->
        if (f.isFile()) canaries.each { c -> assert !f.text.contains(c) : "${c} in ${f}" }
    }
} finally {
    p.stopServer()
}
return true
