import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
def log = p.buildLog()
assert log.contains('dry run: no model is called')
assert log.contains('BUILD SUCCESS')
assert log.contains('for lexical retrieval (BM25, no embedding model)') : 'the default retrieval loads no model'
assert p.requests().isEmpty()

// every labelled file got passages of its own topic, and each passage says which section and line it is
def prd = p.text('docs/PRD.md')
def headings = []   // [offset, title]
(prd =~ /(?m)^#{1,2} (.+)$/).each { m -> headings << [prd.indexOf(m[0]), m[1].trim()] }
def inEffect = { int offset -> headings.findAll { it[0] <= offset }.collect { it[1] }.with { it ? it.last() : null } }
def expected = new Properties()
new File(basedir, 'expected-sections.properties').withInputStream { expected.load(it) }
def summary = p.json('target/scrum/summary.json')
assert summary.target_count == 4
assert summary.dry_run == true
assert summary.resolved == 0
assert summary.retrieval == 'lexical'
assert summary.embedder == ''
def topOffsets = [] as Set
expected.each { file, heading ->
    def review = p.review("target/scrum", file)
    assert review.file == file
    assert review.attempts_made == 0
    def prdChunks = review.top_prd_chunks
    assert prdChunks.size() == 5
    prdChunks.eachWithIndex { c, i ->
        assert c.origin == 'PRD'
        def text = prd.substring((int) c.offset, (int) (c.offset + c.length))
        assert text.trim() && text == c.text
        // a passage never spans two sections: it is the section it starts in
        assert c.heading == inEffect((int) c.offset) : "${file}: ${c.heading} at @${c.offset}"
        assert !headings.any { it[0] > c.offset && it[0] < c.offset + c.length } : "${file}: @${c.offset} spans two sections"
        assert c.line == prd.substring(0, (int) c.offset).count('\n') + 1
        assert c.bm25_rank != null && c.dense_rank == null
    }
    // BM25's order, but each section's best passage before any section's second (DistinctSections)
    assert prdChunks[0].bm25_rank == 1
    assert prdChunks*.bm25_rank.unique(false).size() == prdChunks.size()
    def firstOfEach = prdChunks.findIndexValues { c -> prdChunks.findIndexOf { it.heading == c.heading } == prdChunks.indexOf(c) }
    def repeats = (0..<prdChunks.size()) - firstOfEach
    assert repeats.every { r -> firstOfEach.every { it < r } } : "${file}: a section's second passage before another's first"
    [firstOfEach, repeats].each { idx -> assert idx.collect { prdChunks[(int) it].bm25_rank } == idx.collect { prdChunks[(int) it].bm25_rank }.sort(false) }
    assert prdChunks[0].heading == heading : "${file}: best passage is in ${prdChunks[0].heading}, expected ${heading}"
    assert review.top_proposal_chunks.size() > 0
    assert review.top_proposal_chunks.every { it.origin == 'PROPOSAL' }
    assert review.prompt_chars > new File(basedir, file).length()
    topOffsets << prdChunks[0].offset
    assert log.contains("${file}: 5 PRD + ") && log.contains("best: ${heading}, BM25 #1 (")
}
assert topOffsets.size() == 4 : "files got the same best passage: ${topOffsets}"

def report = p.text('target/scrum-report.md')
assert report.contains('Dry run: 4 file(s) would be reviewed; no model was called.')
assert report.contains('- Retrieval: lexical (BM25 over the passages\' words; no embedding model)')
assert report.contains('| Passage | Section | Line | Length | Score | Found by | Begins |')
expected.each { file, heading ->
    assert report.contains("## ${file}")
    assert report =~ /\| \[PRD @\d+\] \| ${java.util.regex.Pattern.quote(heading)} \| \d+ \| \d+ \| [\d.]+ \| BM25 #1 \(/
}
return true
