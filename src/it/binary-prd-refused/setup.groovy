// Written here so that the repository holds no binary file. docs/PRD.md: a PDF saved over the PRD (NUL bytes);
// docs/proposal.md: bytes that are not UTF-8, with no NUL at all, the way a UTF-16 or Latin-1 export looks.
def docs = new File(basedir, 'docs')
def pdf = new ByteArrayOutputStream()
pdf << '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Type /Catalog >>\nstream\n'.getBytes('ISO-8859-1')
def random = new Random(22)
2000.times { pdf.write(random.nextInt(256)) }
pdf << '\nendstream\nendobj\n%%EOF\n'.getBytes('ISO-8859-1')
new File(docs, 'PRD.md').bytes = pdf.toByteArray()
def proposal = new ByteArrayOutputStream()
1000.times { i -> proposal.write(0x80 + (i % 0x7f)) }
new File(docs, 'proposal.md').bytes = proposal.toByteArray()
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
