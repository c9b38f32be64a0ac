// one source file per fault, all alike (so that one answer is grounded in each), named for the fault it meets
def faults = ['F01RateLimited', 'F02BadGatewayThenBusy', 'F03GatewayTimeout', 'F04ServerError', 'F05NotJson',
              'F06MissingField', 'F07EmptyAnswer', 'F08CutAtTokenLimit', 'F09NeverAnswers', 'F10DripsForever',
              'F11CutMidBody', 'F12ModelMissing', 'F13Unauthorized', 'F14ResetBeforeAnswer']
def template = new File(basedir, 'fixtures/Fault.java').text
faults.each { name ->
    new File(basedir, "src/main/java/com/example/faults/${name}.java").text = template.replace('class Fault', "class ${name}")
}
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
