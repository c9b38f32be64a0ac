import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def file = 'src/main/java/com/example/orders/Refunds.java'
    def reason = 'gap 1 says `policyVersion` is missing, but line 17 declares it'
    def log = p.buildLog()
    assert log.contains('BUILD SUCCESS')
    assert log.contains("[1/1] ${file} attempt 1/2 ollama/claims-missing: ungrounded")
    assert log.contains("(${reason})")
    assert log.contains("[1/1] ${file}: accepted on attempt 2 (openai/grounded), score 6")

    // one call on each wire, both asking for the schema
    def chats = p.requests().findAll { it.path == '/api/chat' || it.path == '/v1/chat/completions' }
    assert chats*.path == ['/api/chat', '/v1/chat/completions']
    assert chats[0].body.format.required == ['score', 'summary', 'suggestions', 'gaps']
    assert chats[1].body.response_format.type == 'json_schema'
    assert chats[1].body.response_format.json_schema.strict == true

    // the second rung is told which method was wrongly called missing, and where it is declared
    def user = { r -> r.body.messages.find { it.role == 'user' }.content }
    def firstChars = new File(basedir, 'answers/claims-missing.json').text.length()
    assert user(chats[1]).contains("- attempt 1 (ollama/claims-missing, model claims-missing): ungrounded, "
            + "${firstChars} characters: ${reason}\n")
    assert user(chats[1]).contains('\n17|     public String policyVersion() {')

    def review = p.review("target/scrum", file)
    assert review.attempts_history*.status == ['ungrounded', 'accepted']
    assert review.attempts_history[0].error == reason
    assert review.attempts_history[0].chars == firstChars
    assert review.attempts_made == 2
    assert review.accepted_on == 2
    assert review.escalated_to_model == 'openai/grounded'
    assert review.score == 6

    // findings located: the answer's line, else the symbol's declaration; a missing gap has no line
    assert review.findings*.kind == ['suggestion', 'suggestion', 'suggestion', 'gap', 'gap']
    assert review.findings*.symbol == ['Refunds.refund()', 'refund', 'policyVersion', 'auditRefund', 'refundPolicyVersion']
    assert review.findings*.line == [9, 10, 17, null, 6]
    assert review.findings[3].gap_kind == 'missing'

    // citations checked and placed in their document
    assert review.citations_valid == 5
    assert review.citations_invalid == 0
    def prd650 = review.findings[0].citations[0]
    assert prd650.doc == 'PRD' && prd650.offset == 650 && prd650.valid == true
    assert prd650.line == 15
    assert prd650.heading == 'Shipping'
    def plan0 = review.findings[2].citations[0]
    assert plan0.line == 1
    assert plan0.heading == 'Proposal: refunds that remember their policy'

    def report = p.text('target/scrum-report.md')
    assert report.contains('| 1 | ollama/claims-missing | ungrounded |')
    assert report.contains(reason)
    assert report.contains('- PRD@650 — line 15, under “Shipping”')
} finally {
    p.stopServer()
}
return true
