import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
def log = p.buildLog()
assert log.count('BUILD SUCCESS') == 2
assert log.contains('for lexical retrieval (BM25, no embedding model)')
assert log.contains('for hybrid retrieval with local/bge-small-en-v1.5-q')
assert p.requests().isEmpty()

def labels = new Properties()
new File(basedir, 'labels.properties').withReader('UTF-8') { labels.load(it) }
def sources = []
new File(basedir, 'src/main/java').eachFileRecurse { if (it.name.endsWith('.java')) sources << it }

/** Checks one run's JSON and report; returns the files whose labelled sections were not in their top 5. */
def check = { String out, String prdFile, String retrieval ->
    def prd = p.text(prdFile)
    def summary = p.json("${out}/scrum/summary.json")
    assert summary.dry_run == true
    assert summary.target_count == sources.size()
    assert summary.retrieval == retrieval
    def misses = []
    def top5s = [] as Set
    sources.each { f ->
        def file = basedir.toPath().relativize(f.toPath()).toString().replace('\\', '/')
        def review = p.review("${out}/scrum", file)
        def chunks = review.top_prd_chunks
        assert chunks.size() == 5
        chunks.each { c ->
            // each passage says where it comes from: its exact place, its line, its section, and who found it
            assert prd.substring((int) c.offset, (int) (c.offset + c.length)) == c.text
            assert c.line == prd.substring(0, (int) c.offset).count('\n') + 1
            assert c.heading : "${file}: a passage with no section"
            assert c.bm25_rank != null || c.dense_rank != null
            if (retrieval == 'hybrid') {
                assert c.dense_rank != null
            }
        }
        top5s << chunks.collect { it.offset }
        def wanted = labels.getProperty(file)
        if (wanted != null) {
            def ok = wanted.split(',')*.trim().any { w -> chunks.any { it.heading == w || it.heading.endsWith(' > ' + w) } }
            if (!ok) {
                misses << "${file}: wants ${wanted}, got ${chunks*.heading}"
            }
        }
    }
    assert top5s.size() == sources.size() : 'two files got the same passages'
    def report = p.text("${out}/scrum-report.md")
    assert report.contains('| Passage | Section | Line | Length | Score | Found by | Begins |')
    assert report =~ /\| \[PRD @\d+\] \| [^|]+ \| \d+ \| \d+ \| [\d.]+ \| (BM25|dense) #\d+ /
    return misses
}

def lexical = check('target', 'docs/PRD.md', 'lexical')
assert lexical.size() <= labels.size() * 0.05 : lexical.join('\n')
def hybrid = check('target/hybrid-adoc', 'docs/PRD.adoc', 'hybrid')
assert hybrid.size() <= labels.size() * 0.05 : hybrid.join('\n')
return true
