import dev.scrum.testing.InvokerProject

def p = new InvokerProject(basedir)
def log = p.buildLog()
assert log.contains('[INFO] changedSince HEAD: 2 of 4 selected file(s) changed')
assert log.contains('BUILD SUCCESS')

def changed = ['src/main/java/com/example/shop/Cart.java', 'src/main/java/com/example/shop/Coupon.java']
def summary = p.json('target/scrum/summary.json')
assert summary.target_count == 2
assert summary.per_file*.file.sort() == changed
def reviews = new File(basedir, 'target/scrum').list().findAll { it.startsWith('review_') }.sort()
assert reviews == changed.collect { InvokerProject.reviewName(it) }.sort()
changed.each { assert p.review("target/scrum", it).file == it }
return true
