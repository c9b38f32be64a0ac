import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    // one piece per invocation, each from its start to the next's; both fail
    def runs = log.split(/Scanning for projects/)
    assert runs.length == 3 : "two invocations expected"
    def (first, second) = [runs[1], runs[2]]
    assert first.contains('BUILD FAILURE') && second.contains('BUILD FAILURE')

    // invocation 1: the binary PRD is named, with the parameter to fix
    assert first.contains('The PRD ') && first.contains('docs/PRD.md is not text: it contains a NUL byte')
    assert first.contains('Point <prdPath> (or -Dscrum.prdPath) at a Markdown, AsciiDoc or plain-text document')
    assert !first.contains('%PDF') && !first.contains('endstream')

    // invocation 2: the proposal's bytes are not UTF-8: named with its share, and the parameter
    assert second.contains('docs/proposal.md is not text: ')
    assert second.contains('are control characters or bytes that are not UTF-8, more than 30%')
    assert second.contains('Point <proposalPath> (or -Dscrum.proposalPath)')

    // before any call and before any report: nothing reached the model, nothing was written
    assert p.requests().isEmpty()
    assert !p.exists('target/scrum-report.md')
    assert !p.exists('target/scrum/summary.json')
} finally {
    p.stopServer()
}
return true
