import java.nio.file.Files
import java.nio.file.StandardCopyOption

// copy the labelled ledgerly fixture (three levels up: target/it/<this>) into this project
def source = new File(basedir, '../../../src/test/resources/retrieval/ledgerly').canonicalFile.toPath()
assert Files.isDirectory(source) : "no fixture at ${source}"
def target = basedir.toPath()
Files.walk(source).withCloseable { paths ->
    paths.each { from ->
        def to = target.resolve(source.relativize(from).toString())
        if (Files.isDirectory(from)) {
            Files.createDirectories(to)
        } else {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING)
        }
    }
}
return true
