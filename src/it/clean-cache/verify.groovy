import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    def cache = new File(basedir, 'review-cache')
    def entries = { dir -> new File(cache, dir).exists()
            ? new File(cache, dir).listFiles().collectMany { it.isDirectory() ? it.listFiles().toList() : [it] }*.name
            : [] }
    // run 1 reviewed 2 files into the project's own cache, then pruned the entry unused for 40 days
    assert p.requests('/api/chat').size() == 2
    assert log =~ /Pruned the review cache: 1 entry removed \(\d+ B\), 3 kept/
    // scrum:clean-cache removed both reviews and the embedder's vector file, and nothing else
    def cleaned = (log =~ /Cleaned the review cache (.+review-cache): 3 entries removed \([0-9.]+ (B|kB|MB)\), 0 kept/)
    assert cleaned.find() : 'the clean-cache line is in the log'
    assert new File(cleaned.group(1)).canonicalPath == cache.canonicalPath
    assert entries('reviews').sort() == ['notes.txt']
    assert entries('embeddings') == ['keep-me.md']
    assert new File(cache, 'README.txt').text == 'not a cache entry'
    assert log.count('BUILD SUCCESS') == 2
} finally {
    p.stopServer()
}
return true
