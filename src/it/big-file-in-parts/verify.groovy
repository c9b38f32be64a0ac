import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/Ledger.java'
    def lines = new File(basedir, file).readLines()
    assert new File(basedir, file).length() > 100_000
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')

    def review = p.review("target/scrum", file)
    def parts = review.parts
    assert parts.size() >= 4 : "parts: ${parts.size()}"
    assert log.contains("[1/1] ${file}: too large for the smallest context window of the ladder")
    assert log.contains("reviewing it in ${parts.size()} parts")
    // the parts cover the file, in order, with no gap and no overlap
    assert parts[0].first_line == 1
    assert parts[-1].last_line == lines.size()
    (1..<parts.size()).each { i -> assert parts[i].first_line == parts[i - 1].last_line + 1 }
    assert parts.every { it.accepted_on == 1 && it.model == 'ollama/part-model' }

    // one request per part, then one consolidation; every line of the file was sent, numbered as in the file
    def chats = p.requests('/api/chat')
    assert chats.size() == parts.size() + 1
    def sent = chats.take(parts.size()).collect { it.body.messages.find { m -> m.role == 'user' }.content }.join('\n')
    def numbered = [:]
    sent.eachLine { l ->
        def m = l =~ /^\s*(\d+)\| (.*)$/
        if (m) {
            numbered[m[0][1] as int] = m[0][2]
        }
    }
    lines.eachWithIndex { line, i ->
        assert numbered[i + 1] == line : "line ${i + 1} was never sent"
    }
    assert numbered.size() == lines.size()
    assert sent.contains('LEDGER-LAST-LINE-MARKER')
    chats.each { assert it.body.options.num_ctx <= 8192 }
    def consolidation = chats[-1].body.messages.find { it.role == 'user' }.content
    assert consolidation.contains("reviewed in ${parts.size()} parts")
    assert consolidation.contains('## Review of part 1: lines 1–')

    assert review.accepted_on == 1
    assert review.score == 7
    assert review.attempts_made == parts.size() + 1
    assert review.attempts_history.every { it.status == 'accepted' }
    def report = p.text('target/scrum-report.md')
    assert report.contains("reviewed in ${parts.size()} parts, then consolidated")
} finally {
    p.stopServer()
}
return true
