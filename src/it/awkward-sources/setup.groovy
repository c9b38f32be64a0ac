// The awkward sources are written here, byte for byte, rather than kept in git: a checkout could convert the
// line ends or re-encode the bytes, and a name with | or * cannot be checked out on every file system.
def dir = new File(basedir, 'src/main/java/com/example')
dir.mkdirs()
def source = { String name, String comment ->
    "package com.example;\n\n/** ${comment} */\npublic class ${name} {\n    int total(int net) {\n" +
            "        return net + net / 5;\n    }\n}\n"
}
// ISO-8859-1: é is the single byte 0xE9, which is not valid UTF-8
new File(dir, 'Latin.java').bytes = source('Latin', 'Prix du caf\u00e9, taxe comprise.').getBytes('ISO-8859-1')
// lone CR line ends (classic Mac OS): read as one line before issue 22
new File(dir, 'OldMac.java').bytes = source('OldMac', 'Totals from an old Mac editor.').replace('\n', '\r')
        .getBytes('ISO-8859-1')
// Markdown characters in the name: _ and * (emphasis), | (a table cell's end)
new File(dir, 'Weird_*name*|x.java').bytes = source('Weird', 'A name full of markup.').getBytes('ISO-8859-1')
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
