dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
