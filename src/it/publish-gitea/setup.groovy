dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
dev.scrum.testing.FakeGitea.startForInvoker(basedir)
// the project is the repository's root, as actions/checkout leaves it
new File(basedir, '.git').mkdirs()
return true
