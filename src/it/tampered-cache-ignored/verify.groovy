import dev.scrum.testing.InvokerProject
import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.PosixFilePermissions

def p = new InvokerProject(basedir)
try {
    def dir = 'src/main/java/com/example/ledger'
    def refunds = "${dir}/Refunds.java"
    def payouts = "${dir}/Payouts.java"
    def log = p.buildLog()
    // one piece of the log per invocation, in invoker.properties' order
    def runs = log.split(/\[INFO\] Scanning for projects\.\.\./).findAll { it.contains('BUILD ') }
    assert runs.size() == 5
    def (run1, tamper, run3, run4, run5) = runs
    def summary = { n -> p.json("out/run${n}/scrum/summary.json") }
    def cached = { n, f -> p.review("out/run${n}/scrum", f).cached }
    def macWarning = ~/\[WARNING\] Review cache entry (\S+) does not match its MAC \(edited, sealed with another cache key, or not written by this cache\) and was ignored: the file is reviewed again/

    // the edit happened: a well-formed, sealed entry of Refunds.java, now scored 10 with no gap
    def copies = new File(basedir, 'tampered').listFiles()
    assert copies.size() == 1
    def edited = new JsonSlurper().parse(copies[0])
    assert edited.format == 3 && edited.mac ==~ /[0-9a-f]{64}/ && edited.review.file == refunds
    assert edited.review.outcome.score == 10
    assert edited.review.outcome.findings.every { it.kind != 'gap' }
    def entry = new File(basedir, "scrum-cache/reviews/${copies[0].name.substring(0, 2)}/${copies[0].name}")
    assert tamper.contains('BUILD SUCCESS')

    // invocation 1, key a: both files reviewed, two model calls, the gate fails on scores of 4 and a missing gap
    assert summary(1).calls_this_run == 2
    assert !(run1 =~ macWarning).find()
    assert run1.contains('[ERROR] Gate failed: ') && run1.contains('BUILD FAILURE')
    assert summary(1).gate.outcome == 'failed'

    // invocation 3, key a: the edited entry is one warning naming it and a miss; Payouts.java is still cached
    def warned3 = (run3 =~ macWarning).collect { it[1] }
    assert warned3 == [entry.path] || warned3 == [entry.canonicalPath]
    assert summary(3).calls_this_run == 1
    assert cached(3, refunds) == false && cached(3, payouts) == true
    assert p.review('out/run3/scrum', refunds).score == 4
    assert run3.contains("1 file(s) scored below minScore 6") || run3.contains("2 file(s) scored below minScore 6")
    assert summary(3).gate.outcome == 'failed' : 'the edited entry did not turn the failing run green'
    assert run3.contains('BUILD FAILURE')
    assert new JsonSlurper().parse(entry).review.outcome.score == 4 : 'the fresh review replaced the edited entry'

    // invocation 4, key b: both entries were sealed with key a: a warning for each, both reviewed again
    assert (run4 =~ macWarning).count == 2
    assert summary(4).calls_this_run == 2
    assert summary(4).gate.outcome == 'failed'

    // invocation 5, key b again: both from the cache, no model call, no warning, the gate still fails
    assert !(run5 =~ macWarning).find()
    assert summary(5).calls_this_run == 0
    assert cached(5, refunds) == true && cached(5, payouts) == true
    assert summary(5).gate.outcome == 'failed' && run5.contains('BUILD FAILURE')

    // the fake server saw exactly those calls: 2 + 0 + 1 + 2 + 0
    assert p.requests('/api/chat').size() == 5

    // the keys: made on first use in keys/, outside the cache, owner-only, never in the log
    ['a', 'b'].each { k ->
        def key = new File(basedir, "keys/${k}.key")
        assert key.text.trim() ==~ /[0-9a-f]{64}/
        if (Files.getFileStore(key.toPath()).supportsFileAttributeView('posix')) {
            assert PosixFilePermissions.toString(Files.getPosixFilePermissions(key.toPath())) == 'rw-------'
        }
        assert !log.contains(key.text.trim())
    }
    assert new File(basedir, 'keys/a.key').text != new File(basedir, 'keys/b.key').text
} finally {
    p.stopServer()
}
return true
