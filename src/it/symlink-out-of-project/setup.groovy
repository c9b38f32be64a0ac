import java.nio.file.Files

// A directory outside the project (beside it under target/it), holding text a model must never see, and links to
// it committed under the source root: a file link, a directory link, a link to a parent, and a proposal link.
def marker = 'zebra-walrus-outside-7731'
def outside = new File(basedir.parentFile, 'symlink-out-of-project-outside')
outside.deleteDir()
new File(outside, 'aws').mkdirs()
new File(outside, 'settings-security.xml').text = "<settingsSecurity><master>${marker}</master></settingsSecurity>\n"
new File(outside, 'aws/Inner.java').text = "class Inner { String s = \"${marker}\"; }\n"
new File(outside, 'PROPOSAL.md').text = "# Proposal\n\nReserve stock per line. ${marker}\n"
def src = basedir.toPath().resolve('src/main/java/com/example/stock')
Files.createSymbolicLink(src.resolve('Settings.java'), outside.toPath().resolve('settings-security.xml'))
Files.createSymbolicLink(src.resolve('aws'), outside.toPath().resolve('aws'))
Files.createSymbolicLink(src.resolve('loop'), java.nio.file.Paths.get('..'))
Files.createSymbolicLink(basedir.toPath().resolve('docs/PROPOSAL.md'), outside.toPath().resolve('PROPOSAL.md'))

dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
