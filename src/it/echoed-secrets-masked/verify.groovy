import dev.scrum.testing.InvokerProject

// one secret of each shape, echoed by the model's answer (obviously fake values of the real shapes)
def secrets = [
    'ZmFrZXVzZXI6ZmFrZXBhc3M=',            // Authorization: Basic
    's3cr3tFakeNetrc',                     // a netrc password
    'fakeSecretKey123',                    // secret_key
    'fakeDbPass9',                         // DB_PASS=
    '3f9a1c2e7b8d4f6a0e1c3b5d7f9a2c4e',    // SIGNING_KEY: <hex>
    'ZmFrZWRvY2tlcjpmYWtlcGFzcw==',        // a Docker config's auth
    'jSMOWnoPFgsHVpMvz5VrIt5kRbzGpI8u',    // Maven's <master>
    'COQLCE6DU6GtcS5P',                    // Maven's encrypted <password>
]
def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')

    // redactSecrets=never: the file went to the model as it is, so the answer's echo is the model's own
    def chats = p.requests('/api/chat')
    assert chats.size() == 1
    assert chats[0].body.messages.find { it.role == 'user' }.content.contains('s3cr3tFakeNetrc')

    // the review was accepted, and its findings say where the masks are
    def review = p.review('target/scrum', 'src/main/java/com/example/Deploy.java')
    assert review.accepted_on == 1
    assert review.score == 2
    def report = p.text('target/scrum-report.md')
    assert report.contains('«redacted:netrc-password»')
    assert report.contains('«redacted:http-auth»')

    // not one secret in any file the plugin wrote, nor in the log
    int files = 0
    new File(basedir, 'target').eachFileRecurse { f ->
        if (f.isFile()) {
            files++
            secrets.each { s -> assert !f.text.contains(s) : "${s} in ${f}" }
        }
    }
    assert files >= 5
    secrets.each { s -> assert !log.contains(s) : "${s} in build.log" }
} finally {
    p.stopServer()
}
return true
