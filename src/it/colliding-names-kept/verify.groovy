import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def one = 'src/main/java/a_b/C.java'
    def two = 'src/main/java/a/b_C.java'
    def oldName = 'review_src_main_java_a_b_C.java.json'

    // both reviews are written, under two different names, neither the old colliding one
    def names = [InvokerProject.reviewName(one), InvokerProject.reviewName(two)]
    assert names[0] != names[1]
    assert !names.contains(oldName) && !p.exists("target/scrum/${oldName}")
    def reviews = [one, two].collectEntries { [(it): p.review('target/scrum', it)] }
    reviews.each { file, review -> assert review.file == file }
    def scores = reviews.collectEntries { file, review -> [(file): review.score as int] }
    assert scores.values().toSorted() == [6, 7]

    // the summary lists both files
    def summary = p.json('target/scrum/summary.json')
    assert summary.per_file.collect { it.file }.toSorted() == [two, one].toSorted()
    def report = p.text('target/scrum-report.md')
    assert report.contains('a_b/C.java') && report.contains('a/b_C.java')

    // scrum:check read both back: at 7 it names the file at 6, and only that one
    def low = scores.find { it.value == 6 }.key
    def high = scores.find { it.value == 7 }.key
    def log = p.buildLog()
    assert log.contains("1 file(s) scored below minScore 7: ${low} (6/10)")
    assert !log.contains("${high} (7/10)")

    // two model calls, both from the review
    assert p.requests('/api/chat').size() == 2
} finally {
    p.stopServer()
}
return true
