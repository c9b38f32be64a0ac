import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/OrderService.java'
    def source = new File(basedir, file).text
    assert source.length() > 6 * 1024

    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[1/1] ${file} attempt 1/1 ollama/qwen-test")
    assert log.contains("[1/1] ${file}: accepted on attempt 1 (ollama/qwen-test), score 7")

    // the server saw one chat request carrying every line of the file, with a window that fits it
    def chats = p.requests('/api/chat')
    assert chats.size() == 1
    def body = chats[0].body
    assert body.model == 'qwen-test'
    assert body.stream == false
    assert body.messages*.role == ['system', 'user']
    def user = body.messages[1].content
    source.readLines().each { line -> assert user.contains(line) : "prompt lacks line: ${line}" }
    assert user.contains('REFUND-POLICY-2026-LAST-LINE-MARKER')
    def promptChars = body.messages.sum { it.content.length() }
    assert body.options.num_predict == 1500
    assert body.options.num_ctx >= promptChars / 3 + body.options.num_predict
    assert body.format.required == ['score', 'summary', 'suggestions', 'gaps']
    assert user =~ /\[PRD @0\]/
    assert user =~ /\[PLAN @0\]/
    assert p.requests('/api/embed').isEmpty() : 'the default embedder runs in-process'

    def review = p.review("target/scrum", file)
    assert review.file == file
    assert review.file_bytes == new File(basedir, file).length()
    assert review.attempts_made == 1
    assert review.attempts_history.size() == 1
    assert review.attempts_history[0].status == 'accepted'
    assert review.attempts_history[0].model == 'qwen-test'
    assert review.attempts_history[0].chars > 0
    assert review.accepted_on == 1
    assert review.escalated_to_model == 'ollama/qwen-test'
    assert review.score == 7
    assert review.suggestions.contains('Record the refund amount')
    assert review.findings.size() == 4
    assert review.findings.count { it.kind == 'suggestion' } == 3
    assert review.findings.find { it.kind == 'gap' }.gap_kind == 'partial'
    assert review.findings[0].symbol == 'refundOrder'
    assert review.citations_valid == 5
    assert review.citations_invalid == 1
    assert review.findings[2].citations.find { it.offset == 99999 }.valid == false
    assert review.top_prd_chunks.size() == 4
    assert review.top_proposal_chunks.size() == 1

    def summary = p.json('target/scrum/summary.json')
    assert summary.target_count == 1
    assert summary.resolved == 1
    assert summary.total_attempts == 1
    assert summary.per_file[0].file == file
    assert summary.per_file[0].accepted_on == 1
    assert summary.per_file[0].model == 'ollama/qwen-test'
    assert summary.per_file[0].score == 7
    assert summary.ran_at ==~ /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/
    // no maxConcurrent in the POM: the server's limit is learned, capped at threads (4 by default)
    assert summary.servers.size() == 1
    def server = summary.servers[0]
    assert server.rung == 'ollama/qwen-test'
    assert server.server ==~ /http:\/\/127\.0\.0\.1:\d+/
    assert server.limit == 'learned'
    assert server.max_concurrent.intValue() == 4
    assert server.calls.intValue() == 1
    assert server.peak_in_flight.intValue() == 1
    assert server.timeouts.intValue() == 0
    assert server.pushbacks.intValue() == 0
    assert server.limit_reached.intValue() >= 2
    assert log =~ /Server ollama\/qwen-test at http:\/\/127\.0\.0\.1:\d+: limit learned, up to 4, reached \d+, \d+ at the end; peak 1 in flight; 1 call\(s\), 0 timeout\(s\), 0 429\/503/

    def report = p.text('target/scrum-report.md')
    assert report.contains('All 1 file(s) reviewed: 1 answered and accepted.')
    assert report.contains("## ${file}")
    assert report.contains('**Alignment score: 7/10**')
    assert report.contains('accepted on attempt 1 (ollama/qwen-test)')
    assert report.contains('\n## Requirements coverage\n\nEvery section of the PRD')
    assert report =~ /\n### Servers\n\n\| Rung \| Server \| Limit .*\n.*\n\| ollama\/qwen-test \| http:\/\/127\.0\.0\.1:\d+ \| learned, up to 4 \| /
    // the HTML report beside it: the same file, one self-contained page
    def html = p.text('target/scrum-report.html')
    assert html.startsWith('<!DOCTYPE html>')
    assert html.contains("<td data-value=\"${file}\">")
} finally {
    p.stopServer()
}
return true
