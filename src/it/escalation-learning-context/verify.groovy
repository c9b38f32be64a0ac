import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/Refunds.java'
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[1/1] ${file} attempt 1/4 ollama/broken-model")
    assert log.contains("[1/1] ${file} attempt 4/4 openai/good-model")
    assert log.contains("[1/1] ${file}: accepted on attempt 4 (openai/good-model), score 6")

    // two Ollama calls, then two OpenAI calls, in ladder order
    def chats = p.requests().findAll { it.path == '/api/chat' || it.path == '/v1/chat/completions' }
    assert chats*.path == ['/api/chat', '/api/chat', '/v1/chat/completions', '/v1/chat/completions']
    assert chats*.body*.model == ['broken-model', 'thin-model', 'rambling-model', 'good-model']

    // each prompt carries every earlier failure; the accepting one carries all three
    def user = { r -> r.body.messages.find { it.role == 'user' }.content }
    assert !user(chats[0]).contains('Earlier attempts')
    assert user(chats[1]).contains('attempt 1 (ollama/broken-model, model broken-model): error')
    assert user(chats[1]).contains('HTTP 500')
    def last = user(chats[3])
    assert last.contains('attempt 1 (ollama/broken-model, model broken-model): error, 0 characters')
    assert last.contains('llama runner process has terminated')
    assert last.contains('attempt 2 (ollama/thin-model, model thin-model): thin, 17 characters')
    assert last.contains('fewer than the 200 required')
    assert last.contains('attempt 3 (openai/rambling-model, model rambling-model): thin')
    assert last.contains('unstructured')

    // OpenAI on loopback: no key, local servers read max_tokens, markdown asks for no schema
    def openai = chats[3]
    assert !openai.headers.keySet().any { it.equalsIgnoreCase('Authorization') }
    assert openai.body.max_tokens == 1500
    assert openai.body.response_format == null

    def review = p.review("target/scrum", file)
    assert review.attempts_history*.status == ['error', 'thin', 'thin', 'accepted']
    assert review.attempts_history*.model == ['broken-model', 'thin-model', 'rambling-model', 'good-model']
    assert review.attempts_history[0].error.contains('HTTP 500')
    assert review.attempts_history[0].chars == 0
    assert review.attempts_history[1].chars == 17
    assert review.attempts_made == 4
    assert review.accepted_on == 4
    assert review.escalated_to_model == 'openai/good-model'
    assert review.score == 6
    assert review.findings.count { it.kind == 'suggestion' } == 3
    assert review.findings.count { it.kind == 'gap' } == 2
    assert review.findings[0].symbol == 'refund'
    assert review.findings[0].line == 9
    assert review.citations_valid == 3
    assert review.citations_invalid == 0

    def summary = p.json('target/scrum/summary.json')
    assert summary.total_attempts == 4
    assert summary.per_file[0].accepted_on == 4
    assert summary.per_file[0].model == 'openai/good-model'

    def report = p.text('target/scrum-report.md')
    assert report.contains('| 1 | ollama/broken-model | error |')
    assert report.contains('| 4 | openai/good-model | accepted |')
    assert report.contains('#### Changes')
} finally {
    p.stopServer()
}
return true
