import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
def log = p.buildLog()
assert log.contains('dry run: no model is called')
assert log.contains('BUILD SUCCESS')
assert p.requests().isEmpty()

// every labelled file got passages of its own topic
def prd = p.text('docs/PRD.md')
def headings = []   // [offset, title]
(prd =~ /(?m)^## (.+)$/).each { m -> headings << [prd.indexOf(m[0]), m[1].trim()] }
def covered = { int offset, int length ->
    def inEffect = headings.findAll { it[0] <= offset }.collect { it[1] }
    def set = inEffect ? [inEffect.last()] : []
    set + headings.findAll { it[0] > offset && it[0] < offset + length }.collect { it[1] }
}
def expected = new Properties()
new File(basedir, 'expected-sections.properties').withInputStream { expected.load(it) }
def summary = p.json('target/scrum/summary.json')
assert summary.target_count == 4
assert summary.dry_run == true
assert summary.resolved == 0
def topOffsets = [] as Set
expected.each { file, heading ->
    def review = p.json("target/scrum/review_${file.replace('/', '_')}.json")
    assert review.file == file
    assert review.attempts_made == 0
    def prdChunks = review.top_prd_chunks
    assert prdChunks.size() == 5
    assert prdChunks.every { it.origin == 'PRD' && prd.substring((int) it.offset, (int) (it.offset + it.length)).trim() }
    def top1 = covered((int) prdChunks[0].offset, (int) prdChunks[0].length)
    assert top1.contains(heading) : "${file}: best passage covers ${top1}, expected ${heading}"
    assert review.top_proposal_chunks.size() > 0
    assert review.top_proposal_chunks.every { it.origin == 'PROPOSAL' }
    assert review.prompt_chars > new File(basedir, file).length()
    topOffsets << prdChunks[0].offset
}
assert topOffsets.size() == 4 : "files got the same best passage: ${topOffsets}"

def report = p.text('target/scrum-report.md')
assert report.contains('Dry run: 4 file(s) would be reviewed; no model was called.')
expected.keySet().each { assert report.contains("## ${it}") }
assert report =~ /\[PRD @\d+\]/
return true
