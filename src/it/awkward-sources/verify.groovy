import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example'
    def latin = "${dir}/Latin.java".toString()
    def oldMac = "${dir}/OldMac.java".toString()
    def weird = "${dir}/Weird_*name*|x.java".toString()
    def log = p.buildLog()
    assert log.contains('Reviewing 3 file(s) against docs/PRD.md')
    assert !log.contains('not valid'), 'no file was read as malformed'
    assert log.contains('BUILD SUCCESS')

    def chats = p.requests('/api/chat')
    assert chats.size() == 3
    def prompt = { String file -> chats.collect { it.body.messages.find { m -> m.role == 'user' }.content }
            .find { it.contains("# The file under review: ${file} (") } }

    // the POM's ISO-8859-1: é reached the model as é, not as U+FFFD
    def latinPrompt = prompt(latin)
    assert latinPrompt.contains('/** Prix du caf\u00e9, taxe comprise. */')
    assert !latinPrompt.contains('\uFFFD')
    assert p.review('target/scrum', latin).malformed_utf8 == false

    // lone CR line ends: eight numbered lines, and the findings on line 5, where `total` is declared (the answer
    // gave line 5 for one; the others take the symbol's line, found only if the comment ended at its lone CR)
    def macPrompt = prompt(oldMac)
    assert macPrompt.contains("# The file under review: ${oldMac} (8 lines)")
    assert macPrompt.contains('5|     int total(int net) {\n6|         return net + net / 5;\n')
    def macReview = p.review('target/scrum', oldMac)
    assert macReview.score == 7
    assert macReview.findings*.line == [5, 5, 5]
    def sarif = p.json('target/scrum/scrum.sarif')
    def macResults = sarif.runs[0].results.findAll {
        it.locations[0].physicalLocation.artifactLocation.uri.endsWith('/' + oldMac) && it.properties.lineKnown
    }
    assert macResults.collect { it.locations[0].physicalLocation.region.startLine } == [5, 5, 5]

    // Markdown characters in a name: the heading escaped, the table row keeps its cells
    def md = p.text('target/scrum-report.md')
    assert md.contains('\n## src/main/java/com/example/Weird\\_\\*name\\*\\|x.java\n')
    def header = md.readLines().find { it.startsWith('| File | Score |') }
    def row = md.readLines().find { it.startsWith('| [`' + dir + '/Weird_') }
    assert row.startsWith('| [`src/main/java/com/example/Weird_*name*\\|x.java`](#srcmainjavacomexampleweird_namexjava) | 7/10 |')
    def cells = { String line -> line.split(/(?<!\\)\|/, -1).length }
    assert cells(row) == cells(header)
    // the coverage table names it in its cells (Section | Line | Given to | Cited by): still four cells a row
    def coverage = md.readLines().findAll { it.startsWith('| &emsp;') && it.contains('Weird_') }
    assert coverage.size() == 2 && coverage.every { cells(it) == 6 }
    assert p.review('target/scrum', weird).findings*.line == [5, 5, 5]
} finally {
    p.stopServer()
}
return true
