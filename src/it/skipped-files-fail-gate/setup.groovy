// The two files a hostile change would add, written here so that the repository holds no binary file:
// a valid Java class with one NUL byte inside a comment (javac accepts it), and one padded past maxFileBytes (4096).
def dir = new File(basedir, 'src/main/java/com/example/stock')
new File(dir, 'Nul.java').bytes = ('package com.example.stock;\n\n/** Stock ledger.\u0000 */\npublic class Nul {\n'
        + '    public int reserved() {\n        return 0;\n    }\n}\n').getBytes('UTF-8')
new File(dir, 'Padded.java').text = 'package com.example.stock;\n\n' + ('// padding\n' * 500) + 'public class Padded {\n}\n'
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
