import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.contains('BUILD FAILURE')
    assert log =~ /The PRD \S*NO-SUCH-PRD\.md does not exist\. Set <prdPath> \(or -Dscrum\.prdPath\) to the file\./
    assert p.requests().isEmpty() : 'no model may be called before the configuration is checked'
    assert !new File(basedir, 'target/scrum/summary.json').exists()
} finally {
    p.stopServer()
}
return true
