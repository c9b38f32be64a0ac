import java.nio.file.Files
import java.nio.file.StandardCopyOption

// copy the repository's example/ (three levels up: target/it/<this>) into this project
def source = new File(basedir, '../../../example').canonicalFile.toPath()
assert Files.isDirectory(source) : "no example at ${source}"
def target = new File(basedir, 'example').toPath()
Files.walk(source).withCloseable { paths ->
    paths.filter { !source.relativize(it).toString().startsWith('target') }.each { from ->
        def to = target.resolve(source.relativize(from).toString())
        if (Files.isDirectory(from)) {
            Files.createDirectories(to)
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
def rootPom = source.resolve('../pom.xml').toFile().text
def version = (rootPom =~ /<artifactId>scrum-maven-plugin<\/artifactId>\s*<version>([^<]+)<\/version>/)[0][1]
assert target.resolve('pom.xml').toFile().text.contains("<version>${version}</version>") :
        "example/pom.xml must declare the plugin at the version this build produces (${version})"
return true
