import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def log = p.buildLog()
    // a closure, so that a failed assertion shows the line looked for rather than the whole log
    def logged = { String line -> log.contains(line) }

    // invocation 1: the review recorded a failed gate (failOnViolation=false let the build go on)
    def low = "1 file(s) scored below minScore 6: ${dir}/Reservations.java (5/10)"
    assert p.json('target/scrum/summary.json').gate.outcome == 'failed'
    assert p.review('target/scrum', "${dir}/Reports.java").score == 7

    // invocation 2: mvn site found the report goal and rendered the page, calling no model
    assert !logged('does not contain any report goals')
    def scrum = new File(basedir, 'target/scrum')
    assert [scrum.canonicalPath, scrum.absolutePath].any { logged("Scrum review page from ${it}: 2 file(s), Gate failed: ${low}.") }
    assert p.exists('target/site/scrum-report.html')
    def page = p.text('target/site/scrum-report.html')
    def shows = { String text -> page.contains(text) }
    // the page's own content opens with the gate's decision, then its reasons, then the verdict
    def title = page.indexOf('Scrum review</h1>')
    def gate = page.indexOf('Gate failed', title)
    assert title > 0 && gate > title
    assert page.substring(title + 'Scrum review</h1>'.length(), gate).replaceAll(/<[^>]*>|\s/, '').isEmpty()
    assert page.indexOf(low, gate) > gate
    assert page.indexOf('Verdict:') > page.indexOf(low)
    // each file with its score and its gap
    assert (page =~ /Reports\.java<\/td>\s*<td>7\/10<\/td>/).find()
    assert (page =~ /Reservations\.java<\/td>\s*<td>5\/10<\/td>/).find()
    assert shows('gap: partial') && shows('The export has no columns beyond the order id, and nothing archives orders older than seven years.')
    assert shows('gap: missing') && shows('Nothing ties reserved stock to the lines of an order.')
    // the site lists it among the project reports
    assert p.text('target/site/project-reports.html').contains('scrum-report.html')

    // invocation 3: scrum:report alone, with no review where it looks: the page says what to run, the build passes
    def none = p.text('target/reports/scrum-report.html')
    assert none.contains('No Scrum review was written yet: ')
    assert none.contains('Run mvn scrum:review to review the project')
    assert logged('[WARNING] No Scrum review to show: ')

    // only the review called the model: one call per file, none from the site or the standalone report
    assert p.requests('/api/chat').size() == 2
} finally {
    p.stopServer()
}
return true
