import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def report = new File(basedir, 'target/scrum-report.md')
    def log = p.buildLog()
    def check = log.indexOf('Checking the review of 3 file(s) from ')

    // invocation 1: the review, no gate
    assert log.contains("[2/3] ${dir}/Reports.java: accepted on attempt 1 (ollama/scorer), score 5")
    assert check > log.indexOf('BUILD SUCCESS')

    // invocation 2: scrum:check with the POM's minScore 6 fails on the file at 5, naming it and the report
    def failure = "1 file(s) scored below minScore 6: ${dir}/Reports.java (5/10). See "
    assert log.contains(failure + report.canonicalPath) || log.contains(failure + report.absolutePath)
    assert log.indexOf('BUILD FAILURE') > check

    // invocation 3: re-decided at 5, it passes
    assert log.contains('Every scored file is at or above minScore 5')
    assert log.lastIndexOf('BUILD SUCCESS') > log.indexOf('BUILD FAILURE')

    // only the review called the model: three calls in all, none from either check
    assert p.requests('/api/chat').size() == 3
    // the check writes nothing: the review's report is as the review wrote it
    assert report.text.contains('3 file(s)')
} finally {
    p.stopServer()
}
return true
