// every goal and every parameter a user can set appears in `mvn scrum:help -Ddetail`
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
def descriptor = new File(basedir, '../../classes/META-INF/maven/plugin.xml')
assert descriptor.isFile() : "no plugin descriptor at ${descriptor}"
def plugin = new groovy.xml.XmlSlurper().parse(descriptor)
def missing = []
plugin.mojos.mojo.each { mojo ->
    def goal = mojo.goal.text()
    if (!log.contains("scrum:${goal}")) {
        missing << "goal ${goal}"
    }
    mojo.parameters.parameter.findAll { it.editable.text() == 'true' }.each { p ->
        def name = p.name.text()
        if (!(log =~ /(?m)^(\[INFO\])?\s+${name}(\s|$)/)) {
            missing << "${goal} parameter ${name}"
        }
    }
}
assert missing.isEmpty() : "not in scrum:help -Ddetail: ${missing}"
assert log.contains('User property: scrum.ladder') || log.contains('ladder')
// written for users: no internal class names, and a rung's fields with their defaults (issue 21)
assert !log.contains('This class')
assert !log.contains('ReviewRequest')
assert log.contains('timeoutSeconds')
assert log.contains('default 180')
assert log.contains('default 1500')
assert log.contains('scrum:check')
return true
