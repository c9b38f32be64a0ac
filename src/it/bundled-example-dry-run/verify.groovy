import dev.scrum.testing.InvokerProject

def p = new InvokerProject(new File(basedir, 'example'))
def log = new InvokerProject(basedir).buildLog()
assert log.contains('BUILD SUCCESS')
assert log.contains('dry run: no model is called')

def prd = p.text('docs/PRD.md')
def headings = []
(prd =~ /(?m)^## (.+)$/).each { m -> headings << [prd.indexOf(m[0]), m[1].trim()] }
def covered = { int offset, int length ->
    def inEffect = headings.findAll { it[0] <= offset }.collect { it[1] }
    (inEffect ? [inEffect.last()] : []) + headings.findAll { it[0] > offset && it[0] < offset + length }.collect { it[1] }
}
def expected = new Properties()
new File(basedir, 'example/expected-sections.properties').withInputStream { expected.load(it) }
def summary = p.json('target/scrum/summary.json')
assert summary.target_count == expected.size()
def misses = []
expected.each { file, wanted ->
    def review = p.review("target/scrum", file)
    def top5 = review.top_prd_chunks.collectMany { covered((int) it.offset, (int) it.length) } as Set
    if (!wanted.split(',').any { top5.contains(it.trim()) }) {
        misses << "${file}: top 5 cover ${top5}, expected one of ${wanted}"
    }
}
assert misses.isEmpty() : misses.join('\n')
assert p.text('target/scrum-report.md').contains('no model was called')
return true
