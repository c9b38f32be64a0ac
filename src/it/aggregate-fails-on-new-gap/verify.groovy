import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    assert log.findAll(/BUILD (SUCCESS|FAILURE)/) == ['BUILD FAILURE', 'BUILD SUCCESS', 'BUILD SUCCESS']
    def parts = log.split(/\[INFO\] Scanning for projects/).drop(1)
    assert parts.size() == 3
    def file = 'web/src/main/java/com/example/shop/web/RateLimiter.java'
    def report = new File(basedir, 'target/scrum-aggregate/scrum-report.md')

    // 1: the modules left the gate to scrum:aggregate, which failed on the web module's new missing gap,
    // naming the file (seen from the root), the gap and the aggregate report (core's partial gaps are not of that kind)
    assert parts[0].count('The gate is left to scrum:aggregate') == 2
    def gap = "${file}, no line, missing `reportRejectedKeys`: missing: `reportRejectedKeys` does not exist: no key " +
            'rejected for more than ten minutes in an hour is reported to the partner team [PRD @0]'
    def failure = "1 new gap(s) of kind missing (failOnGaps): ${gap}. See "
    assert parts[0].contains(failure + report.absolutePath) || parts[0].contains(failure + report.canonicalPath)
    // the reports were written before the gate decided
    def summary = p.json('target/scrum-aggregate/scrum/summary.json')
    assert summary.target_count == 3
    assert summary.resolved == 3

    // 2: scrum:baseline took the aggregate's findings, with the reactor's paths
    assert parts[1].contains('Baseline: 12 finding(s) of 3 file(s) written to ')
    def baseline = p.json('scrum-baseline.json')
    assert baseline.findings.any { it.file == file }
    assert baseline.findings.every { it.file.startsWith('core/') || it.file.startsWith('web/') }

    // 3: with the baseline the gap is known, and the aggregate passes
    assert parts[2].count('The gate is left to scrum:aggregate') == 2
    assert parts[2].contains('scrum-baseline.json: 0 new, 12 known finding(s)')
    assert parts[2].contains('No new gap of kind missing (failOnGaps) (1 known gap(s) of those kinds are in the baseline)')
    def review = p.review("target/scrum-aggregate/scrum", file)
    assert review.findings.findAll { it.kind == 'gap' }*.baseline == ['known']
    // three files, each asked once: the second review reused the cached answers
    assert p.requests('/api/chat').size() == 3
} finally {
    p.stopServer()
}
return true
