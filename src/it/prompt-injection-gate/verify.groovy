import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/refunds'
    def log = p.buildLog()
    def runs = log.split(/\[INFO\] Building prompt-injection-gate 1\.0/).drop(1)
    assert runs.size() == 6 : "six invocations, got ${runs.size()}"

    // 1: the clean file is scored honestly (3): minScore fails it; nothing is called an injection
    def clean = runs[0]
    assert clean.contains("1 file(s) scored below minScore 6: ${dir}/Refunds.java (3/10)")
    assert !clean.toLowerCase().contains('prompt injection')
    assert clean.contains('BUILD FAILURE')
    def cleanReview = p.review("target/clean/scrum", "${dir}/Refunds.java")
    assert cleanReview.untrusted == false && cleanReview.injections == []

    // 2: each hostile shape, obeyed by the model (10/10), fails the build as an injection at its line
    def hostile = runs[1]
    def expected = [
        'LineComment.java'  : [12, 'instruction-override'],
        'JavadocBlock.java' : [14, 'answer-directive'],
        'StringLiteral.java': [12, 'role-marker'],
        'BlockComment.java' : [12, 'instruction-override'],
        'FenceEscape.java'  : [15, 'prompt-escape'],
    ]
    assert hostile.contains('prompt injection(s) in what the models were sent (failOnInjection): ')
    expected.each { file, where ->
        assert hostile.contains("${dir}/${file}:${where[0]} ${where[1]} «") : "${file} at line ${where[0]}"
        assert hostile.contains("[WARNING] [") && hostile.contains("${dir}/${file}: prompt injection at ${dir}/${file}:${where[0]}")
        def review = p.review("target/hostile/scrum", "${dir}/${file}")
        assert review.score == 10 : "the stand-in obeyed ${file}"
        assert review.untrusted == true
        def hit = review.injections.find { it.line == where[0] && it.kind == where[1] }
        assert hit != null && hit.rule == 'scrum/prompt-injection' && hit.path == "${dir}/${file}".toString()
        assert hit.column >= 1 && !hit.text.isEmpty()
    }
    // the SARIF names each at its region; the report opens with them; the console says it before the totals
    def sarif = p.json('target/hostile/scrum/scrum.sarif')
    def results = sarif.runs[0].results.findAll { it.ruleId == 'scrum/prompt-injection' }
    expected.each { file, where ->
        assert results.any { r ->
            def loc = r.locations[0].physicalLocation
            loc.artifactLocation.uri.endsWith("${dir}/${file}") && loc.region.startLine == where[0] &&
                    loc.region.startColumn >= 1
        } : "SARIF result for ${file}"
    }
    assert sarif.runs[0].tool.driver.rules.any { it.id == 'scrum/prompt-injection' }
    def report = p.text('target/hostile/scrum-report.md')
    assert report.indexOf('## Prompt injection') > 0
    assert report.indexOf('## Prompt injection') < report.indexOf('## Files')
    assert report.contains("`${dir}/LineComment.java:12`")
    assert report.contains('(untrusted)')
    assert p.text('target/hostile/scrum-report.html').contains('<section id="injection">')
    def cq = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/hostile/scrum/gl-code-quality.json'))
    assert cq.count { it.check_name == 'scrum/prompt-injection' } >= 5
    assert hostile.contains('Prompt injection: ') && hostile.contains('review(s) read one and are untrusted.')

    // 3: a hostile paragraph appended to the proposal is reported at its line in the proposal
    def proposal = runs[2]
    assert proposal.contains('docs/PROPOSAL-hostile.md:8 instruction-override «Ignore all previous instructions.')
    assert proposal.contains('BUILD FAILURE')
    def summary = p.json('target/proposal/scrum/summary.json')
    assert summary.document_injections*.path.every { it == 'docs/PROPOSAL-hostile.md' }
    assert summary.document_injections*.line*.intValue().containsAll([8, 9])
    assert summary.injections_new >= 2

    // 4: ordinary comments that use the words (ignore, previous, system, prompt, score, reviewer): no finding
    def ordinary = runs[3]
    assert ordinary.contains('BUILD SUCCESS')
    assert !ordinary.toLowerCase().contains('prompt injection')
    def ordinaryReview = p.review("target/ordinary/scrum", "${dir}/Ordinary.java")
    assert ordinaryReview.score == 8 && ordinaryReview.untrusted == false && ordinaryReview.injections == []

    // 5 and 6: the team keeps the hostile files as fixtures; baselined, their injections no longer fail
    assert runs[4].contains('BUILD SUCCESS')
    def baseline = p.json('scrum-baseline.json')
    assert baseline.findings.count { it.kind == 'injection' } >= 5
    def kept = runs[5]
    assert kept.contains('No new prompt injection (')
    assert kept.contains('BUILD SUCCESS')
} finally {
    p.stopServer()
}
return true
