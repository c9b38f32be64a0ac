import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/billing/Refunds.java'
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[1/1] ${file}: accepted on attempt 1 (ollama/billing-reviewer), score 6")
    def scrum = new File(basedir, 'target/scrum')
    assert log.contains("SARIF: ${new File(scrum, 'scrum.sarif')}") ||
            log.contains("SARIF: ${new File(scrum, 'scrum.sarif').canonicalPath}")
    assert log.contains("GitLab Code Quality: ${new File(scrum, 'gl-code-quality.json')}") ||
            log.contains("GitLab Code Quality: ${new File(scrum, 'gl-code-quality.json').canonicalPath}")

    // SARIF 2.1.0: one result per finding, at the line the finding names or the line declaring its symbol
    def sarif = p.json('target/scrum/scrum.sarif')
    assert sarif.version == '2.1.0'
    assert sarif.runs.size() == 1
    def run = sarif.runs[0]
    def driver = run.tool.driver
    def pluginVersion = (p.text('pom.xml') =~ /<artifactId>scrum-maven-plugin<\/artifactId>\s*<version>([^<]+)</)[0][1]
    assert driver.name == 'scrum-maven-plugin'
    assert driver.version == pluginVersion
    assert driver.informationUri.startsWith('https://')
    assert driver.rules*.id == ['scrum/gap/missing', 'scrum/gap/partial', 'scrum/gap/contradicts',
                                'scrum/gap/unrequested', 'scrum/gap', 'scrum/suggestion', 'scrum/prompt-injection', 'scrum/unresolved']

    def results = run.results
    assert results*.ruleId == ['scrum/suggestion', 'scrum/suggestion', 'scrum/suggestion',
                               'scrum/gap/contradicts', 'scrum/gap/missing', 'scrum/gap/partial']
    assert results*.level == ['note', 'note', 'note', 'error', 'warning', 'warning']
    // approve is declared on line 12, total on 21; line 13 is the answer's own; a missing gap has no line
    assert results.collect { it.locations[0].physicalLocation.region.startLine as int } == [12, 13, 21, 12, 1, 1]
    assert results.every { it.partialFingerprints['scrumFinding/v1'] ==~ /[0-9a-f]{32}/ }
    assert results*.partialFingerprints.unique().size() == 6
    assert results.every { !it.containsKey('baselineState') }

    // every uri, resolved against %SRCROOT%, is the reviewed file (wherever the work tree's root is)
    def root = new URI(run.originalUriBaseIds['%SRCROOT%'].uri)
    def reviewed = new File(basedir, file).canonicalFile
    results.each { r ->
        def artifact = r.locations[0].physicalLocation.artifactLocation
        assert artifact.uriBaseId == '%SRCROOT%'
        assert !new URI(artifact.uri).isAbsolute()
        assert new File(root.resolve(artifact.uri)).canonicalFile == reviewed
    }
    // a valid citation is a related location in the PRD, linked from the message; an invalid one is named
    def missing = results[4]
    assert missing.message.text == 'Missing `auditTrail`: No refund is recorded in the audit trail with its amount, ' +
            'approver and policy. Cites: [PRD@0](1); ⚠ invalid citation PRD@99999: no such passage was sent.'
    def prd = missing.relatedLocations[0].physicalLocation
    assert new File(root.resolve(prd.artifactLocation.uri)).canonicalFile == new File(basedir, 'docs/PRD.md').canonicalFile
    assert prd.region.startLine as int == 1 : 'the first passage (title and Refunds section) begins on line 1'

    // GitLab Code Quality: the same findings, the same lines, the same fingerprints
    def quality = new com.google.gson.Gson().fromJson(p.text('target/scrum/gl-code-quality.json'), List)
    assert quality*.check_name == results*.ruleId
    assert quality*.severity == ['info', 'info', 'info', 'critical', 'major', 'minor']
    assert quality.collect { it.location.lines.begin as int } == [12, 13, 21, 12, 1, 1]
    assert quality*.fingerprint == results.collect { it.partialFingerprints['scrumFinding/v1'] }
    assert quality.every { new File(root.resolve(it.location.path)).canonicalFile == reviewed }

    // GITHUB_STEP_SUMMARY (set by invoker.properties): the summary table, appended
    def summary = new File(basedir, 'target/step-summary.md').text
    // the decision first, then the verdict
    assert summary.startsWith('## Scrum review\n\n**✅ Gate passed**\n\n')
    assert summary.contains('**All 1 file(s) answered and accepted.** 3 gap(s).\n\n')
    assert summary.contains("| `${file}` | 6/10 | attempt 1 | ollama/billing-reviewer | 1 |")
    assert log.contains('Step summary: target/step-summary.md')
} finally {
    p.stopServer()
}
return true
