import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/billing/Refunds.java'
    def log = p.buildLog()
    def report = new File(basedir, 'target/scrum-report.md')
    def outcomes = log.findAll(/BUILD (SUCCESS|FAILURE)/)
    assert outcomes == ['BUILD SUCCESS', 'BUILD FAILURE', 'BUILD SUCCESS', 'BUILD FAILURE']
    // one part per invocation, each with its own outcome and failure message
    def parts = log.split(/\[INFO\] Scanning for projects/).drop(1)
    assert parts.size() == 4

    // 1: scrum:baseline read the review's JSON and wrote every finding
    def baselineFile = new File(basedir, 'scrum-baseline.json')
    assert parts[0].contains("Baseline: 6 finding(s) of 1 file(s) written to ${baselineFile}") ||
            parts[0].contains("Baseline: 6 finding(s) of 1 file(s) written to ${baselineFile.canonicalPath}")
    def baseline = p.json('scrum-baseline.json')
    assert baseline.version == 1
    assert baseline.fingerprint_scheme == 'scrumFinding/v1'
    assert baseline.findings.size() == 6
    assert baseline.findings.every { it.file == file && it.fingerprint ==~ /[0-9a-f]{32}/ && !it.containsKey('line') }

    // 2: without the baseline the same gaps are new, and failOnGaps names each with its file, line and text
    def approve = "${file}, line 12, contradicts `approve`: approve accepts refunds larger than the amount paid, " +
            'which BIL-2 forbids'
    def audit = "${file}, no line, missing `auditTrail`: No refund is recorded in the audit trail with its amount, " +
            'approver and policy'
    assert parts[1].contains("2 new gap(s) of kind missing, contradicts (failOnGaps): ${approve}; ${audit}. See ")
    assert parts[1].contains(report.name)

    // 3: with the baseline they are known and the build passes
    assert parts[2].contains('scrum-baseline.json: 0 new, 6 known finding(s)')
    assert parts[2].contains('No new gap of kind missing, contradicts (failOnGaps) (2 known gap(s) of those kinds are in the baseline)')

    // 4: a new contradicts gap fails the build, named alone; the known ones are not
    def fresh = "${file}, line 21, contradicts `total`: total() adds up the refunds of every order together, " +
            "so BIL-2's cap cannot be checked per order"
    def failure = "1 new gap(s) of kind missing, contradicts (failOnGaps) (2 known gap(s) of those kinds are in the " +
            "baseline): ${fresh}. See "
    assert parts[3].contains(failure + report.absolutePath) || parts[3].contains(failure + report.canonicalPath)
    assert parts[3].contains('scrum-baseline.json: 1 new, 6 known finding(s)')

    // the last run's reports mark each finding: the JSON, the SARIF and the markdown report
    def review = p.review("target/scrum", file)
    assert review.findings*.baseline == ['known', 'known', 'known', 'known', 'new', 'known', 'known']
    assert review.findings[4].symbol == 'total'
    def results = p.json('target/scrum/scrum.sarif').runs[0].results
    assert results*.baselineState == ['unchanged', 'unchanged', 'unchanged', 'unchanged', 'new', 'unchanged', 'unchanged']
    def known = results.findAll { it.baselineState == 'unchanged' }.collect { it.partialFingerprints['scrumFinding/v1'] }
    assert known.toSet() == baseline.findings*.fingerprint.toSet()
    assert report.text.contains('Findings against the baseline: 1 new, 6 known')
    // the four reviews each asked the model once
    assert p.requests('/api/chat').size() == 4
} finally {
    p.stopServer()
}
return true
