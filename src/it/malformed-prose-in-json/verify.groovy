import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/Refunds.java'
    def malformed = 'the answer was not the asked JSON: not JSON: it begins "Here is my review of Refunds. The class …" ' +
            'where the JSON object should begin; answer with the object alone'
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[1/1] ${file} attempt 1/2 ollama/prose-model: malformed")
    assert log.contains("[1/1] ${file}: accepted on attempt 2 (openai/markdown-model), score 5")

    def chats = p.requests().findAll { it.path == '/api/chat' || it.path == '/v1/chat/completions' }
    assert chats*.body*.model == ['prose-model', 'markdown-model']
    assert chats[0].body.format != null : 'the json rung asked for the schema'
    assert chats[1].body.response_format == null : 'the markdown rung asks for no schema'
    def user = { r -> r.body.messages.find { it.role == 'user' }.content }
    assert user(chats[1]).contains("- attempt 1 (ollama/prose-model, model prose-model): malformed, 143 characters: ${malformed}\n")
    assert user(chats[1]).contains('Alignment score: N/10')

    def review = p.review("target/scrum", file)
    assert review.attempts_history*.status == ['malformed', 'accepted']
    assert review.attempts_history[0].error == malformed
    assert review.score == 5

    // a markdown answer still yields findings, located by its line references or its symbols' declarations
    assert review.findings*.kind == ['suggestion', 'suggestion', 'suggestion', 'gap', 'gap']
    assert review.findings*.symbol == ['refund', 'policyVersion', null, 'refundPolicyVersion', null]
    assert review.findings*.line == [9, 17, 13, 6, null]
    assert review.findings*.gap_kind == [null, null, null, 'partial', 'missing']

    // the citation of a passage never sent is counted invalid, and marked so
    assert review.citations_valid == 2 : "distinct citations: PRD@0 and PLAN@0"
    assert review.citations_invalid == 1
    def never = review.findings[4].citations[0]
    assert never.doc == 'PRD' && never.offset == 99999 && never.valid == false && never.line == null
    assert review.findings[0].citations[0].heading == 'Orders PRD'

    def report = p.text('target/scrum-report.md')
    assert report.contains('citations: 2 valid, 1 invalid')
    assert report.contains('- ⚠ invalid citation PRD@99999: no such passage was sent')
    assert report.contains('- PRD@0 — line 1, under “Orders PRD”')
    assert report.contains('| 1 | ollama/prose-model | malformed |')
} finally {
    p.stopServer()
}
return true
