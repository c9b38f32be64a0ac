import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def report = new File(basedir, 'target/scrum-report.md')
    def log = p.buildLog()

    // invocation 1 (minScore 6): files are reviewed in sorted order, one at a time, scored 6, 5, 7
    assert log.contains("[1/3] ${dir}/Releases.java: accepted on attempt 1 (ollama/scorer), score 6")
    assert log.contains("[2/3] ${dir}/Reports.java: accepted on attempt 1 (ollama/scorer), score 5")
    assert log.contains("[3/3] ${dir}/Reservations.java: accepted on attempt 1 (ollama/scorer), score 7")
    def failure = "1 file(s) scored below minScore 6: ${dir}/Reports.java (5/10). See "
    assert log.contains(failure + report.canonicalPath) || log.contains(failure + report.absolutePath)
    assert log.contains('BUILD FAILURE')

    // invocation 2 (-Dscrum.minScore=5): nothing is below
    assert log.contains('Every scored file is at or above minScore 5')
    assert log.indexOf('BUILD SUCCESS') > log.indexOf('BUILD FAILURE')

    // the report and the JSON were written (and rewritten by the second run)
    assert report.isFile()
    assert report.text.contains('All 3 file(s) reviewed: 3 answered and accepted.')
    def summary = p.json('target/scrum/summary.json')
    assert summary.per_file*.file == ["${dir}/Releases.java", "${dir}/Reports.java", "${dir}/Reservations.java"]*.toString()
    assert summary.per_file*.score == [6, 5, 7]
    // three calls a run (fewer in the second where accepted reviews are reused)
    assert p.requests('/api/chat').size() >= 3
} finally {
    p.stopServer()
}
return true
