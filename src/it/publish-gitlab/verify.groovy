import dev.scrum.testing.FakeGitLab
import dev.scrum.testing.InvokerProject
import groovy.json.JsonSlurper

def p = new InvokerProject(basedir)
def read = { String path ->
    def connection = new URL('http://127.0.0.1:47924/api/v4/projects/278964/merge_requests/12' + path).openConnection()
    connection.setRequestProperty('PRIVATE-TOKEN', 'verify')
    new JsonSlurper().parse(connection.inputStream)
}
try {
    def dir = 'src/main/java/com/example/stock'
    def log = p.buildLog()
    def first = log.indexOf('Posted the summary on GitLab merge request 278964!12; inline: 2 posted, 0 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert first > 0
    def second = log.indexOf('Updated the summary on GitLab merge request 278964!12; inline: 0 posted, 2 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert second > first
    assert log.lastIndexOf('BUILD SUCCESS') > second

    // exactly one note: the summary, naming the two changed files that were reviewed
    def notes = read('/notes')
    assert notes.size() == 1
    assert notes[0].body.startsWith('<!-- scrum-maven-plugin:summary -->\n## Scrum review\n\n**✅ Gate passed**')
    assert notes[0].body.contains("- `${dir}/Releases.java`: 6/10, 3 finding(s)")
    assert notes[0].body.contains("- `${dir}/Reservations.java`: 7/10, 3 finding(s)")
    assert notes[0].body.contains('### Findings outside the diff (7)')

    // discussions only on the changed lines, with the merge request version's SHAs, each once
    def discussions = read('/discussions')
    def positions = discussions.collect { it.notes[0].position }
    assert positions.collect { "${it.new_path}:${it.new_line}".toString() }.sort() == ["${dir}/Releases.java:12", "${dir}/Reservations.java:6"]*.toString()
    assert positions.every { it.head_sha == '33e2ee8579fda5bc36accc9c6fbd0b4fefda9e30' && it.position_type == 'text' }

    assert !log.contains('glpat-scrumItCanary7d2e91')
    assert !new File(basedir, 'target/scrum-report.md').text.contains('glpat-scrumItCanary7d2e91')
    assert p.requests('/api/chat').size() == 3
} finally {
    p.stopServer()
    FakeGitLab.shutdownForInvoker(basedir)
}
return true
