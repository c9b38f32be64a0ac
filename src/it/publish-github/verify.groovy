import dev.scrum.testing.FakeGitHub
import dev.scrum.testing.InvokerProject
import groovy.json.JsonSlurper

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def api = 'http://127.0.0.1:47923/repos/octo/stock'
    def log = p.buildLog()

    // invocation 1: the summary posted, two inline comments
    def first = log.indexOf('Posted the summary on GitHub pull request octo/stock#7; inline: 2 posted, 0 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert first > 0
    // invocation 2: the same review from the cache, the summary updated in place, nothing new
    def second = log.indexOf('Updated the summary on GitHub pull request octo/stock#7; inline: 0 posted, 2 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert second > first
    assert log.lastIndexOf('BUILD SUCCESS') > second

    // what the pull request shows: exactly one summary, naming the two changed files that were reviewed
    def summaries = new JsonSlurper().parse(new URL(api + '/issues/7/comments'))
    assert summaries.size() == 1
    def summary = summaries[0].body
    assert summary.startsWith('<!-- scrum-maven-plugin:summary -->\n## Scrum review\n\n**✅ Gate passed**')
    assert summary.contains('### Changed files reviewed (2 of 3 reviewed)')
    assert summary.contains("- `${dir}/Releases.java`: 6/10, 3 finding(s)")
    assert summary.contains("- `${dir}/Reservations.java`: 7/10, 3 finding(s)")
    assert !summary.contains("- `${dir}/Reports.java`: 5/10")
    // every finding not on a changed line is in the summary: Reports.java's three, two each of the others
    assert summary.contains('### Findings outside the diff (7)')
    assert summary.contains("- `${dir}/Reports.java:12` **suggestion: Release on cancel**")

    // inline comments only on the changed lines of the changed files, each once
    def inline = new JsonSlurper().parse(new URL(api + '/pulls/7/comments'))
    assert inline.collect { "${it.path}:${it.line}".toString() }.sort() == ["${dir}/Releases.java:12", "${dir}/Reservations.java:6"]*.toString()
    assert inline.every { it.side == 'RIGHT' && it.commit_id == '6dcb09b5b57875f334f61aebed695e2e4193db5e' }
    assert inline.every { it.body.contains('<!-- scrum-maven-plugin:finding:') }

    // the requests: two inline POSTs and one summary POST in all, the re-run PATCHed the summary
    def requests = new File(basedir, 'fake-github-requests').listFiles().sort().collect { new JsonSlurper().parse(it) }
    assert requests.count { it.method == 'POST' && it.path == '/repos/octo/stock/pulls/7/comments' } == 2
    assert requests.count { it.method == 'POST' && it.path == '/repos/octo/stock/issues/7/comments' } == 1
    assert requests.count { it.method == 'PATCH' && it.path.startsWith('/repos/octo/stock/issues/comments/') } == 1
    // every request of the two builds carried the token as GitHub wants it (this script's own reads carry none)
    def builds = requests.findAll { it.authorization != null }
    assert builds.size() == 10 && builds.every { it.authorization == 'Bearer (set)' }

    // the token is in no log line and no report
    assert !log.contains('ghs_scrumItCanaryToken4f1c9a7e2b')
    assert !new File(basedir, 'target/scrum-report.md').text.contains('ghs_scrumItCanaryToken4f1c9a7e2b')
    // the model was asked three times in all: the re-run's review came from the cache
    assert p.requests('/api/chat').size() == 3
} finally {
    p.stopServer()
    FakeGitHub.shutdownForInvoker(basedir)
}
return true
