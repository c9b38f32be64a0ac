import org.eclipse.jgit.api.Git
import org.eclipse.jgit.lib.PersonIdent

// JGit comes from the plugin's own dependencies (the invoker adds the test class path)
def shop = new File(basedir, 'src/main/java/com/example/shop')
def added = new File(shop, 'Coupon.java')

// a fresh repository on every run: the clone under target/it is reused when not cleaned
new File(basedir, '.git').deleteDir()
new File(basedir, 'target').deleteDir()
added.delete()
new File(basedir, '.gitignore').text = 'target/\nbuild.log\n'

def me = new PersonIdent('Invoker', 'invoker@example.org')
Git.init().setDirectory(basedir).setInitialBranch('main').call().withCloseable { git ->
    git.add().addFilepattern('.').call()
    git.commit().setMessage('baseline').setAuthor(me).setCommitter(me).setSign(false).call()
}

// after the commit: one source file modified (not staged), one added (untracked)
def cart = new File(shop, 'Cart.java')
cart.text = cart.text.replace('    public void add(String sku, int quantity, long centsEach) {\n',
        '    public void add(String sku, int quantity, long centsEach) {\n'
        + '        if (quantity < 1 || quantity > 99) {\n'
        + '            throw new IllegalArgumentException("A quantity is 1 to 99, not " + quantity);\n'
        + '        }\n')
assert cart.text.contains('1 to 99')
added.text = '''package com.example.shop;

/** A fixed amount off the cart's gross total. */
public class Coupon {

    private final long offCents;

    public Coupon(long offCents) {
        this.offCents = offCents;
    }

    public long apply(long totalCents) {
        return Math.max(0, totalCents - offCents);
    }
}
'''
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
