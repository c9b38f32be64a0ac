import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
try {
    def log = p.buildLog()
    def runs = log.split(/Scanning for projects/).drop(1)
    assert runs.size() == 2
    def cartFile = 'src/main/java/com/example/shop/Cart.java'
    def couponFile = 'src/main/java/com/example/shop/Coupon.java'
    def changed = [cartFile, couponFile]

    // 1: the dry run reviews only the two changed files, and records the lines the change added
    assert runs[0].contains('[INFO] changedSince HEAD: 2 of 4 selected file(s) changed')
    assert runs[0].contains('[INFO] changedSince HEAD: 18 changed line(s) marked for review, 1 new file(s)')
    assert runs[0].contains('BUILD SUCCESS')
    def summary = p.json('target/scrum/summary.json')
    assert summary.target_count == 2
    assert summary.per_file*.file.sort() == changed
    def reviews = new File(basedir, 'target/scrum').list().findAll { it.startsWith('review_') }.sort()
    assert reviews == changed.collect { InvokerProject.reviewName(it) }.sort()
    changed.each { assert p.review("target/scrum", it).file == it }
    assert p.review('target/scrum', cartFile).changed_lines == [new_file: false, ranges: [[from: 13, to: 15]]]
    assert p.review('target/scrum', couponFile).changed_lines == [new_file: true, ranges: [[from: 1, to: 15]]]

    // 2: reviewed for real, each prompt marks the change and asks for findings on it first
    def chats = p.requests('/api/chat')
    assert chats.size() == 2
    def cartPrompt = chats.find { it.body.toString().contains('# The file under review: ' + cartFile) }.body.toString()
    assert cartPrompt.contains('12|      public void add(String sku, int quantity, long centsEach) {\n'
            + '13|+         if (quantity < 1 || quantity > 99) {\n')
    assert cartPrompt.contains('15|+         }\n16|          quantities.merge(')
    assert cartPrompt.contains('The lines marked + after their number (3: 13-15) were added or changed since HEAD: '
            + 'they are the change under review. Review the change first: give the findings on its lines before any other')
    def couponPrompt = chats.find { it.body.toString().contains('# The file under review: ' + couponFile) }.body.toString()
    assert couponPrompt.contains('This file is new since HEAD: every line of it is the change under review.')
    assert !couponPrompt.contains('|+ ')

    // each finding says whether its line is one the change added
    def cart = p.review('target/live/scrum', cartFile)
    assert cart.changed_lines == [new_file: false, ranges: [[from: 13, to: 15]]]
    // (the third names no line: it is located at isEmpty's declaration, line 20)
    assert cart.findings.collect { [it.line as Integer, it.in_change] } == [[14, true], [25, false], [20, false]]
    def coupon = p.review('target/live/scrum', couponFile)
    assert coupon.findings.every { it.in_change == true }
    assert runs[1].contains('BUILD SUCCESS')
} finally {
    p.stopServer()
}
return true
