import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')

    def review = { name -> p.review("target/scrum", "src/main/java/com/example/faults/${name}.java") }
    // every file's first attempt: the rung refusing connections, asked once and then left out at once
    def first = review('F01RateLimited').attempts_history[0]
    assert first.status == 'error'
    assert first.error.startsWith('network: connection refused by http://127.0.0.1:1 (is the server running there?)')
    assert first.error.endsWith('the rung is left out for the rest of the run')
    def later = review('F14ResetBeforeAnswer').attempts_history[0]
    assert later.error == 'network: every server of the rung refused connections earlier in this run: [http://127.0.0.1:1]'
    assert later.ms < 1000

    // transient faults: retried within the rung, accepted there, the retries counted
    def retried = [F01RateLimited: 1, F02BadGatewayThenBusy: 2, F03GatewayTimeout: 1, F11CutMidBody: 1,
                   F14ResetBeforeAnswer: 1]
    retried.each { name, retries ->
        def r = review(name)
        assert r.accepted_on == 2 : name
        assert r.attempts_history[1].status == 'accepted' : name
        assert r.attempts_history[1].retries == retries : name
        assert r.escalated_to_model == 'ollama/flaky' : name
    }

    // final faults: classified with a reason a person understands, then the next rung answers
    def url = p.text('.mvn/maven.config').readLines().find { it.startsWith('-Dfake.url=') }.substring('-Dfake.url='.length())
    def expected = [
        F04ServerError    : ['error', "http: HTTP 500 from ${url}/api/chat: llama runner process has terminated: exit status 2"],
        F05NotJson        : ['error', "protocol: the answer (HTTP 200 from ${url}/api/chat) is not JSON: <html><body><h1>Welcome to nginx!"],
        F06MissingField   : ['error', "protocol: the answer (HTTP 200 from ${url}/api/chat) is JSON that lacks \"message\""],
        F07EmptyAnswer    : ['thin', 'the answer was empty: the server sent no text'],
        F08CutAtTokenLimit: ['truncated', 'the answer was cut at the token limit (maxTokens 1500) after 69 characters'],
        F09NeverAnswers   : ['error', "timeout: no answer within 3 s from ${url}/api/chat"],
        F10DripsForever   : ['error', "timeout: no answer within 3 s from ${url}/api/chat"],
        F12ModelMissing   : ['error', "http: HTTP 404 from ${url}/api/chat: model \"flaky\" not found, try pulling it first (model 'flaky' is missing on that server"],
        F13Unauthorized   : ['error', "http: HTTP 401 from ${url}/api/chat: unauthorized (no API key was sent; configure the rung's <serverId> or <apiKeyEnv>)"],
    ]
    expected.each { name, want ->
        def r = review(name)
        def a = r.attempts_history[1]
        assert a.status == want[0] : "${name}: ${a}"
        assert a.error.startsWith(want[1].toString()) : "${name}: ${a.error}"
        assert a.retries == 0 : name
        assert r.accepted_on == 3 : name
        assert r.escalated_to_model == 'openai/steady'
    }
    // a server that never answers, or drips forever, costs about the rung's timeout
    ['F09NeverAnswers', 'F10DripsForever'].each { name -> assert review(name).attempts_history[1].ms < 5000 : name }

    // the next rung is told which fault it was
    def prompts = p.requests('/v1/chat/completions').collect { it.body.messages.find { m -> m.role == 'user' }.content }
    assert prompts.any { it.contains('F06MissingField.java') && it.contains('is JSON that lacks "message"') }
    assert prompts.any { it.contains('F08CutAtTokenLimit.java') && it.contains('truncated, 69 characters: the answer was cut at the token limit') }
    assert prompts.any { it.contains('F07EmptyAnswer.java') && it.contains('thin, 0 characters: the answer was empty') }

    // the run is complete: every file in the summary and the report, the empty file listed as skipped
    def summary = p.json('target/scrum/summary.json')
    assert summary.target_count == 14
    assert summary.resolved == 14
    assert summary.skipped_files == [[file: 'src/main/java/com/example/faults/F15Empty.java', reason: 'empty: 0 bytes, nothing to review']]
    def report = p.text('target/scrum-report.md')
    assert report.contains('**All 14 file(s) reviewed: 14 answered and accepted.**')
    assert report.contains('| `src/main/java/com/example/faults/F15Empty.java` | empty: 0 bytes, nothing to review |')
    assert report.contains('after 2 retries')
    assert log.contains('Skipping src/main/java/com/example/faults/F15Empty.java: empty: 0 bytes, nothing to review')
} finally {
    p.stopServer()
}
return true
