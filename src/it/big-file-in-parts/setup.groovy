// a 120 KB source file, generated so the repository does not carry it
def file = new File(basedir, 'src/main/java/com/example/orders/Ledger.java')
file.parentFile.mkdirs()
def b = new StringBuilder('package com.example.orders;\n\n/** A ledger of every order event. */\npublic class Ledger {\n\n')
for (int m = 0; m < 600; m++) {
    b << "    /** Records order event ${m}. */\n"
    b << "    public long method${m}(long amountCents) {\n"
    b << "        long total = amountCents * ${m + 1} + ${m};\n"
    b << "        return total % 1_000_003L;\n"
    b << "    }\n\n"
}
b << '    /** Declared past every part boundary but the last. */\n'
b << '    private final String lastLineMarker = "LEDGER-LAST-LINE-MARKER";\n}\n'
file.text = b.toString()
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
