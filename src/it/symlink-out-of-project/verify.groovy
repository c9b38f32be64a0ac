import dev.scrum.testing.InvokerProject

def marker = 'zebra-walrus-outside-7731'
def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/stock'
    def outside = new File(basedir.parentFile, 'symlink-out-of-project-outside').canonicalPath
    def log = p.buildLog()

    // invocation 1: each link is skipped with where it leads, and the gate fails naming them and the fix
    assert log.contains("Skipping ${dir}/Settings.java: a link to a file outside the project (${outside}/settings-security.xml): links are not followed out of the project, so it is never read")
    assert log.contains("Skipping ${dir}/aws: a link to a directory outside the project (${outside}/aws): links are not followed out of the project, so it is never read")
    assert log.contains("Skipping ${dir}/loop: a link to a directory (src/main/java/com/example): links to directories are not followed")
    assert log.contains("3 selected file(s) were not reviewed (failOnSkipped): ${dir}/Settings.java (a link to a file outside the project")
    assert log.contains('; list a file in <excludes> to leave it out of the review on purpose')
    def first = p.json('target/scrum/summary.json')
    assert first.skipped_files*.file == ["${dir}/Settings.java", "${dir}/aws", "${dir}/loop"]*.toString()
    assert p.review('target/scrum', "${dir}/Reservations.java").accepted_on == 1

    // invocation 2: a proposal path that is a link out of the project is refused, naming the fix
    assert log.contains("<proposalPath> (scrum.proposalPath) leads outside the project: ")
    assert log.contains("is ${outside}/PROPOSAL.md, not under ")
    assert log.contains('set <allowDocumentsOutsideProject>true</allowDocumentsOutsideProject> (-Dscrum.allowDocumentsOutsideProject=true)')
    assert !new File(basedir, 'target/proposal').exists()

    // invocation 3: with the links excluded, the real file is reviewed and the build passes
    def excluded = p.json('target/excluded/scrum/summary.json')
    assert excluded.skipped_files == []
    assert p.review('target/excluded/scrum', "${dir}/Reservations.java").accepted_on == 1
    assert log.lastIndexOf('BUILD SUCCESS') > log.lastIndexOf('BUILD FAILURE')

    // the outside files' text reached no request, no file under target/, and not the log
    def chats = p.requests('/api/chat')
    assert chats.size() == 2
    def recorded = new File(basedir, 'fake-server-requests').listFiles()
    assert recorded.length >= 2
    recorded.each { f -> assert !f.text.contains(marker) : "the marker was sent to the model: ${f}" }
    int files = 0
    new File(basedir, 'target').eachFileRecurse { f ->
        if (f.isFile()) {
            files++
            assert !f.text.contains(marker) : "the marker is in ${f}"
        }
    }
    assert files >= 10
    assert !log.contains(marker)
} finally {
    p.stopServer()
}
return true
