import dev.scrum.testing.FakeGitea
import dev.scrum.testing.InvokerProject
import groovy.json.JsonSlurper

def p = new InvokerProject(basedir)
def canary = 'gtea_scrumItCanary5b8d03f1e6a4'
def repo = '/api/v1/repos/octo/stock'
try {
    def dir = 'src/main/java/com/example/stock'
    def log = p.buildLog()
    def config = new JsonSlurper().parse(new File(basedir, 'fake-gitea.json'))

    // the requests the two builds sent, read before this script sends its own; each publish starts with the diff
    def requests = new File(basedir, 'fake-gitea-requests').listFiles().sort().collect { new JsonSlurper().parse(it) }
    assert requests.every { it.authorization == 'token (expected)' && !String.valueOf(it.body).contains(canary) }
    def starts = requests.findIndexValues { it.method == 'GET' && it.path == "${repo}/pulls/9.diff".toString() }
    assert starts == [0, 6]
    def invocations = [requests.subList(0, 6), requests.subList(6, requests.size())]
    def posts = invocations.collect { run -> run.findAll { it.method == 'POST' }.collect { it.path } }
    // invocation 1: one review per inline comment, one summary comment
    assert posts[0] == ["${repo}/pulls/9/reviews", "${repo}/pulls/9/reviews", "${repo}/issues/9/comments"]*.toString()
    assert invocations[0].findAll { it.method == 'POST' && it.path.endsWith('/reviews') }.every {
        it.body.event == 'COMMENT' && it.body.commit_id == config.head && it.body.comments.size() == 1
    }
    // invocation 2 (unchanged): nothing posted, the summary PATCHed in place
    assert posts[1] == []
    assert invocations[1].count { it.method == 'PATCH' } == 1
    assert invocations[1].find { it.method == 'PATCH' }.path ==~ "${repo}/issues/comments/\\d+"

    def first = log.indexOf('Posted the summary on Gitea/Forgejo pull request octo/stock#9; inline: 2 posted, 0 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert first > 0
    def second = log.indexOf('Updated the summary on Gitea/Forgejo pull request octo/stock#9; inline: 0 posted, 2 already there, '
            + '0 refused by the platform (in the summary), 0 marked outdated; 7 finding(s) outside the diff in the summary')
    assert second > first
    assert log.lastIndexOf('BUILD SUCCESS') > second

    def read = { String path ->
        def connection = new URL('http://127.0.0.1:47925' + repo + path).openConnection()
        connection.setRequestProperty('Authorization', 'token ' + canary)
        new JsonSlurper().parse(connection.inputStream)
    }
    // what the pull request shows: exactly one issue comment, the summary, naming the two changed files reviewed
    def comments = read('/issues/9/comments')
    assert comments.size() == 1
    def summary = comments[0].body
    assert summary.startsWith('<!-- scrum-maven-plugin:summary -->\n## Scrum review\n\n**✅ Gate passed**')
    assert summary.contains('### Changed files reviewed (2 of 3 reviewed)')
    assert summary.contains("- `${dir}/Releases.java`: 6/10, 3 finding(s)")
    assert summary.contains("- `${dir}/Reservations.java`: 7/10, 3 finding(s)")
    assert !summary.contains("- `${dir}/Reports.java`: 5/10")
    assert summary.contains('### Findings outside the diff (7)')
    assert summary.contains("- `${dir}/Reports.java:12` **suggestion: Release on cancel**")

    // review comments only on lines the diff adds, in files it changes, each once: two reviews of one comment each
    def reviews = read('/pulls/9/reviews')
    assert reviews.size() == 2 && reviews.every { it.state == 'COMMENT' && it.comments_count == 1 }
    def inline = reviews.collectMany { read("/pulls/9/reviews/${it.id}/comments") }
    assert inline.collect { "${it.path}:${it.position}".toString() }.sort() == ["${dir}/Releases.java:12", "${dir}/Reservations.java:6"]*.toString()
    assert inline.every { config.added[it.path]?.contains(it.position) }
    assert inline.every { it.commit_id == config.head && it.body.contains('<!-- scrum-maven-plugin:finding:') }

    // the token is in no log line and no file under target/
    assert !log.contains(canary)
    def written = []
    new File(basedir, 'target').eachFileRecurse(groovy.io.FileType.FILES) { written << it }
    assert written.any { it.name == 'scrum-report.md' } && written.size() > 5
    def leaking = written.findAll { new String(it.bytes, 'ISO-8859-1').contains(canary) }
    assert leaking.isEmpty()
    // the model was asked three times in all: the re-run's review came from the cache
    assert p.requests('/api/chat').size() == 3
} finally {
    p.stopServer()
    FakeGitea.shutdownForInvoker(basedir)
}
return true
