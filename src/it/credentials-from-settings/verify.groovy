import dev.scrum.testing.InvokerProject

def canary = 'sk-scrum-it-canary-7f3a9c'
def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[DEBUG]') : 'the build must run with -X for this test to mean anything'
    // the in-process embedder makes no network call: DJL's telemetry probe of the EC2 metadata endpoint is off
    assert !log.contains('EC2 IMDSv2') && !log.contains('EC2 metadata')

    // the key reached the server, decrypted, and only the keyed rung was called
    def chats = p.requests('/v1/chat/completions')
    assert chats.size() == 1
    assert chats[0].body.model == 'keyed-model'
    def auth = chats[0].headers.find { k, v -> k.equalsIgnoreCase('Authorization') }?.value
    assert auth == "Bearer ${canary}"

    def review = p.json('target/scrum/review_src_main_java_com_example_orders_Refunds.java.json')
    assert review.attempts_history*.status == ['skipped', 'accepted']
    assert review.attempts_history[0].error == 'environment variable SCRUM_IT_UNSET_KEY is not set'
    assert review.attempts_made == 1
    assert review.accepted_on == 2

    // not in the -X log, not in anything the plugin wrote
    assert !log.contains(canary)
    def leaks = []
    new File(basedir, 'target').eachFileRecurse { f -> if (f.isFile() && f.text.contains(canary)) leaks << f }
    assert leaks.isEmpty() : "the key leaked into ${leaks}"
} finally {
    p.stopServer()
}
return true
