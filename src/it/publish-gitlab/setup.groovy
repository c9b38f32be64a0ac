dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
dev.scrum.testing.FakeGitLab.startForInvoker(basedir)
// the project is the repository's root, as GitLab's runner clones it
new File(basedir, '.git').mkdirs()
return true
