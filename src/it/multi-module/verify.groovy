import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains('Nothing to review in a pom module')
    // each module found the root's PRD from its own directory, reviewed its own files, and left the gate
    ['core', 'web'].each { m ->
        assert log.contains("Using ${new File(basedir, 'docs/PRD.md').canonicalPath} (docs/PRD.md is not in this module; found in the reactor)") ||
                log.contains("(docs/PRD.md is not in this module; found in the reactor)")
        assert new File(basedir, "${m}/target/scrum-report.md").isFile()
    }
    assert log.count('The gate is left to scrum:aggregate') == 2
    assert p.json('core/target/scrum/summary.json').target_count == 2
    assert p.json('web/target/scrum/summary.json').target_count == 1

    // one report, JSON (and SARIF, where written) for the reactor, at the root, with module paths
    def summary = p.json('target/scrum-aggregate/scrum/summary.json')
    assert summary.target_count == 3
    assert summary.resolved == 3
    assert summary.per_file*.file == ['core/src/main/java/com/example/shop/core/Invoice.java',
                                      'core/src/main/java/com/example/shop/core/SearchIndex.java',
                                      'web/src/main/java/com/example/shop/web/RateLimiter.java']
    assert p.exists('target/scrum-aggregate/scrum/' + InvokerProject.reviewName('web/src/main/java/com/example/shop/web/RateLimiter.java'))
    def report = p.text('target/scrum-aggregate/scrum-report.md')
    assert report.contains('All 3 file(s) reviewed: 3 answered and accepted.')
    assert report.contains('## web/src/main/java/com/example/shop/web/RateLimiter.java')
    assert log.contains('Module core: 2 file(s)')
    assert log.contains('Module web: 1 file(s)')
    assert p.requests('/api/chat').size() == 3
} finally {
    p.stopServer()
}
return true
