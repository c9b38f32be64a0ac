import dev.scrum.testing.InvokerProject

def canary = 'sk-scrum-it-canary-7f3a9c'          // settings.xml, encrypted
def envCanary = 'sk-scrum-it-env-canary-41c8e2'   // environment variable SCRUM_IT_ENV_KEY
def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[DEBUG]') : 'the build must run with -X for this test to mean anything'
    // the in-process embedder makes no network call: DJL's telemetry probe of the EC2 metadata endpoint is off
    assert !log.contains('EC2 IMDSv2') && !log.contains('EC2 metadata')

    // each key reached the server, the settings one decrypted; the unkeyed rung was never called
    def chats = p.requests('/v1/chat/completions')
    assert chats*.body*.model == ['rejected-model', 'keyed-model']
    def auth = { r -> r.headers.find { k, v -> k.equalsIgnoreCase('Authorization') }?.value }
    assert auth(chats[0]) == "Bearer ${envCanary}"
    assert auth(chats[1]) == "Bearer ${canary}"
    // the embedder: its settings.xml key too, on its base URL without the trailing slash
    def embeds = p.requests('/v1/embeddings')
    assert !embeds.isEmpty()
    assert embeds*.body*.model.unique() == ['keyed-embedder']
    assert embeds.every { auth(it) == "Bearer ${canary}" }

    def review = p.review('target/scrum', 'src/main/java/com/example/orders/Refunds.java')
    assert review.attempts_history*.status == ['skipped', 'error', 'accepted']
    assert review.attempts_history[0].error == 'environment variable SCRUM_IT_UNSET_KEY is not set'
    // the 401 says where the key came from, and not the key, although the server echoed it
    def rejected = review.attempts_history[1].error
    assert rejected.startsWith('http: HTTP 401 from ')
    assert rejected.contains('Incorrect API key provided: ***.')
    assert rejected.endsWith('(check the API key from environment variable SCRUM_IT_ENV_KEY)')
    assert review.attempts_made == 2
    assert review.accepted_on == 3
    // the next rung was told about the 401, without the key
    def told = chats[1].body.messages.find { it.role == 'user' }.content
    assert told.contains('check the API key from environment variable SCRUM_IT_ENV_KEY')
    assert !told.contains(envCanary)

    // neither key in the -X log, nor in anything the plugin wrote: target/ and the review cache
    [canary, envCanary].each { key -> assert !log.contains(key) : "${key} in build.log" }
    def leaks = []
    def written = [new File(basedir, 'target'), new File(basedir, '../../it-review-cache')].findAll { it.isDirectory() }
    written.each { dir ->
        dir.eachFileRecurse { f ->
            if (f.isFile() && [canary, envCanary].any { key -> f.text.contains(key) }) leaks << f
        }
    }
    assert leaks.isEmpty() : "a key leaked into ${leaks}"
} finally {
    p.stopServer()
}
return true
