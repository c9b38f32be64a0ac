import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/Refunds.java'
    def report = new File(basedir, 'target/scrum-report.md')
    def log = p.buildLog()
    assert log.contains('BUILD FAILURE')
    def fake = new File(basedir, '.mvn/maven.config').readLines().find { it.startsWith('-Dfake.url=') } - '-Dfake.url='
    def crashed = "1 file(s) unanswered: HTTP 500 from ${fake}/api/chat: llama runner process has " +
            "terminated: exit status 2 (rung ollama/broken-model)"
    assert log.contains("1 of 1 file(s) unresolved (no rung's answer was accepted): ${file}. ${crashed}. See ${report.canonicalFile}") ||
            log.contains("1 of 1 file(s) unresolved (no rung's answer was accepted): ${file}. ${crashed}. See ${report.absolutePath}")
    assert log.contains("[1/1] ${file}: UNRESOLVED after 2 calls")

    // written before the build failed
    assert report.isFile()
    assert report.text.contains('1 of 1 file(s) unresolved')
    assert report.text.contains('**unresolved**')
    def summary = p.json('target/scrum/summary.json')
    assert summary.resolved == 0
    assert summary.total_attempts == 2
    assert summary.per_file[0].accepted_on == null
    assert summary.per_file[0].containsKey('accepted_on')
    assert summary.per_file[0].model == ''
    assert summary.per_file[0].score == null
    def review = p.review("target/scrum", file)
    assert review.attempts_history*.status == ['error', 'thin']
    assert review.accepted_on == null
    assert review.escalated_to_model == ''
    assert p.requests('/api/chat').size() == 2
} finally {
    p.stopServer()
}
return true
