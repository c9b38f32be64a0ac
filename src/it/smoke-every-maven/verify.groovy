import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    def maven = (log =~ /Apache Maven (\S+)/)
    assert log.contains('BUILD SUCCESS')
    assert log.contains('[1/1] src/main/java/com/example/orders/Refunds.java: accepted on attempt 1 (ollama/smoke-model), score 8')
    def summary = p.json('target/scrum/summary.json')
    assert summary.resolved == 1
    assert p.requests('/api/chat').size() == 1
    assert p.text('target/scrum-report.md').contains('All 1 file(s) reviewed: 1 answered and accepted.')
    println "smoke-every-maven passed under ${basedir.parentFile.name}"
} finally {
    p.stopServer()
}
return true
