def log = new File(basedir, 'build.log').text
def url = new File(basedir, '.mvn/maven.config').text.trim() - '-Dclosed.url='

// the first invocation: -Dscrum.skip=true skips every goal, each saying so
['review', 'merge', 'aggregate', 'baseline'].each {
    assert log.contains("Skipping the ${it} (scrum.skip=true)")
}
assert !new File(basedir, 'scrum-baseline.json').exists()
assert !new File(basedir, 'target/scrum-aggregate').exists()

// the second: each cause once, with the files it hit and what to do
def file = 'src/main/java/com/example/orders/Refunds.java'
assert log.contains('BUILD FAILURE')
// the dash between the cause and the advice is not ASCII: the log's encoding may change it
def cause = "1 of 1 file(s) unresolved (no rung's answer was accepted): ${file}. " +
        "1 file(s) unanswered: connection refused at ${url} (rungs ollama/qwen3.5:latest, ollama/qwen3:latest) "
def advice = "start Ollama (`ollama serve`) or run with -Dscrum.dryRun or -Dscrum.skip; " +
        "1 file(s) unanswered: rung ollama-cloud/gpt-oss:120b not called: environment variable SCRUM_IT_UNSET_KEY " +
        "is not set. See "
assert log =~ java.util.regex.Pattern.quote(cause.toString()) + '\\S{1,3} ' + java.util.regex.Pattern.quote(advice.toString())
// rung 2 is on the server that refused rung 1: one line, no start line of its own
assert log =~ /\Q${file}\E attempt 2\/3 ollama\/qwen3:latest: error, [0-9.]+ s \(as attempt 1\)/
assert !log.contains("${file} attempt 2/3 ollama/qwen3:latest\n")
def review = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/scrum/' + dev.scrum.testing.InvokerProject.reviewName(file)))
assert review.attempts_history*.status == ['error', 'error', 'skipped']
return true
