import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def shop = 'src/main/java/com/example/shop/'
    def all = ['Cart', 'Checkout', 'Coupon', 'Inventory', 'Payment', 'Shipping'].collect { "${shop}${it}.java".toString() }
    def log = p.buildLog()

    // the shards: disjoint, covering the six files, split by path hash (ShardTest has the same golden values)
    assert log.contains('shard 1/2: 4 of 6 selected file(s)')
    assert log.contains('shard 2/2: 2 of 6 selected file(s)')
    def s1 = p.json('target/scrum-shards/s1/scrum/summary.json')
    def s2 = p.json('target/scrum-shards/s2/scrum/summary.json')
    assert s1.shard == '1/2'
    assert s2.shard == '2/2'
    def f1 = s1.per_file*.file
    def f2 = s2.per_file*.file
    assert f1.intersect(f2).isEmpty()
    assert (f1 + f2).sort() == all
    assert f1 == ['Cart', 'Coupon', 'Inventory', 'Shipping'].collect { "${shop}${it}.java".toString() }

    // the merge found both shards and wrote what the unsharded review wrote, but for timings and the servers' load
    // (each shard had its own limit on the server; the merge lists both)
    def target = new File(basedir, 'target').canonicalFile
    assert log.contains("Looking for shards in ${new File(target, 'scrum-shards')}\n")
    assert log.contains("Shard 1/2: 4 file(s), 0 skipped, from ${new File(target, 'scrum-shards/s1/scrum')}")
    assert log.contains("Shard 2/2: 2 file(s), 0 skipped, from ${new File(target, 'scrum-shards/s2/scrum')}")
    assert log.contains('Merged 2 shard(s): 6 file(s)')
    def timing = ['ran_at', 'reviewed_at', 'total_duration_ms', 'ms', 'duration_ms', 'servers'] as Set
    def strip
    strip = { o ->
        if (o instanceof Map) {
            return o.findAll { k, v -> !(k in timing) }.collectEntries { k, v -> [k, strip(v)] }
        }
        return o instanceof List ? o.collect { strip(it) } : o
    }
    def merged = p.json('target/scrum/summary.json')
    def unsharded = p.json('target/unsharded/scrum/summary.json')
    assert merged.servers*.calls*.intValue() == [4, 2] : 'one entry per shard, each with its own calls'
    assert unsharded.servers*.calls*.intValue() == [6]
    assert merged.shard == null
    assert merged.target_count == 6
    assert merged.resolved == 6
    assert merged.ran_at == [s1.ran_at, s2.ran_at].min()
    assert merged.total_duration_ms == s1.total_duration_ms + s2.total_duration_ms
    assert strip(merged) == strip(unsharded)
    all.each { file ->
        def name = InvokerProject.reviewName(file)
        def m = p.json("target/scrum/${name}")
        assert m.file == file
        assert m.top_prd_chunks.size() > 0
        assert strip(m) == strip(p.json("target/unsharded/scrum/${name}")) : name
    }
    // timings and the servers' table (one row per shard after a merge) differ; the rest is the same
    def mask = { String md -> md.replaceAll(/Ran at: .*/, 'Ran at: -').replaceAll(/\d+\.\d s\b/, '- s')
            .replaceAll(/(?s)\n### Servers\n\n.*?\n\n/, '\n\n') }
    assert (p.text('target/scrum-report.md') =~ /\| ollama\/shop-test \| http:/).size() == 2
    assert mask(p.text('target/scrum-report.md')) == mask(p.text('target/unsharded/scrum-report.md'))
    assert p.text('target/scrum-report.md').contains('All 6 file(s) reviewed: 6 answered and accepted.')
    // the merge read the PRD back from where the shards read it: its sections are in the report too
    assert p.text('target/scrum-report.md').contains('\n## Requirements coverage\n\nEvery section of the PRD')
    assert p.text('target/scrum-report.html').contains('<table id="coverage-table">')

    // each file was reviewed once by the shards and once by the unsharded run; the merge called no model
    def chats = p.requests('/api/chat')
    assert chats.size() == 12

    // the gated merge (comma-separated shardDirectories): the report first, then the failure naming every file
    assert log.contains("Looking for shards in ${new File(target, 'scrum-shards/s1/scrum')}, ${new File(target, 'scrum-shards/s2/scrum')}")
    assert p.json('target/gated/scrum/summary.json').target_count == 6
    def gated = new File(basedir, 'target/gated/scrum-report.md')
    def scores = all.collect { "${it} (7/10)" }.join(', ')
    assert log.contains("6 file(s) scored below minScore 8: ${scores}. See ${gated.canonicalPath}") ||
            log.contains("6 file(s) scored below minScore 8: ${scores}. See ${gated.absolutePath}")
    assert log.contains('BUILD FAILURE')
} finally {
    p.stopServer()
}
return true
