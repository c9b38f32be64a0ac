import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def files = ['Cancellation', 'Refunds', 'Shipping'].collect { "src/main/java/com/example/orders/${it}.java" }
    def log = p.buildLog()
    // run 1 asks the model for every file, run 2 (after mvn clean) for none, run 3 (cache=false) for every file again
    assert p.requests('/api/chat').size() == 6
    files.each { f ->
        assert log.contains("${f}: cached review (ollama/qwen-test, ")
        assert log.count("${f} attempt 1/1 ollama/qwen-test\n") == 2
    }
    def review = { run, f -> p.review("out/${run}/scrum", f) }
    def stable = { r -> r.findAll { k, v -> !(k in ['cached', 'duration_ms', 'attempts_history']) } }
    files.each { f ->
        def first = review('run1', f)
        def again = review('run2', f)
        assert first.cached == false
        assert again.cached == true
        assert again.reviewed_at == first.reviewed_at : 'a cached review keeps the date it was made'
        assert stable(again) == stable(first)
        assert again.attempts_history*.model == first.attempts_history*.model
        assert review('run3', f).cached == false
    }
    def summary2 = p.json('out/run2/scrum/summary.json')
    assert summary2.resolved == 3
    assert summary2.calls_this_run == 0
    assert summary2.per_file.every { it.cached == true && it.model == 'ollama/qwen-test' && it.score == 7 }
    assert p.json('out/run1/scrum/summary.json').calls_this_run == 3
    def report2 = p.text('out/run2/scrum-report.md')
    assert report2.contains('All 3 file(s) reviewed: 3 answered and accepted.')
    assert report2.contains('cached, reviewed ')
    // the console's totals count the calls made, not the cached reviews' old ones (issue 21)
    assert log.contains('3 file(s), 3 accepted, 0 skipped, 3 model call(s) this run, ')
    assert log.contains('3 file(s), 3 accepted, 0 skipped, 0 model call(s) this run (3 from the cache), ')
    // and every run opens its summary with the gate's decision
    assert log.count('[INFO] Gate passed.') == 3
    assert p.json('out/run2/scrum/summary.json').gate.outcome == 'passed'
} finally {
    p.stopServer()
}
return true
