import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def log = p.buildLog()
    // one piece per invocation, each from its start to the next's
    def runs = log.split(/Scanning for projects/)
    assert runs.length == 4 : "three invocations expected, found ${runs.length - 1}"
    def (first, second, third) = [runs[1], runs[2], runs[3]]
    def nul = "${dir}/Nul.java (binary: it contains NUL bytes)"
    def padded = "${dir}/Padded.java (too large: "

    // invocation 1: both files were selected and neither reviewed: the gate fails naming each and why
    assert first.contains('2 selected file(s) were not reviewed (failOnSkipped): ')
    assert first.contains(nul)
    assert first.contains(padded) && first.contains('more than maxFileBytes (4096)')
    assert first.contains('list a file in <excludes> to leave it out of the review on purpose')
    assert !first.contains('No file selected')
    assert first.contains('BUILD FAILURE')

    // invocation 2: failOnSkipped=false passes, still naming both
    assert second.contains('not failing the build (failOnSkipped=false)')
    assert second.contains(nul) && second.contains(padded)
    assert second.contains('BUILD SUCCESS')

    // invocation 3: excluded on purpose, nothing is skipped and nothing is said about skipping
    assert !third.contains('not reviewed')
    assert !third.contains('Nul.java') && !third.contains('Padded.java')
    assert third.contains('BUILD SUCCESS')

    // the reports of the last run name only the reviewed file
    def summary = p.json('target/scrum/summary.json')
    assert summary.gate.outcome == 'passed'
    assert summary.skipped_files.isEmpty()
    assert !p.text('target/scrum-report.md').contains('Padded.java')

    // the one reviewable file was reviewed once per invocation; neither skipped file reached the model
    def chats = p.requests('/api/chat')
    assert chats.size() == 3
    chats.each { r ->
        def body = r.body.toString()
        assert body.contains('Reservations') && !body.contains('// padding') && !body.contains('class Nul')
    }
} finally {
    p.stopServer()
}
return true
