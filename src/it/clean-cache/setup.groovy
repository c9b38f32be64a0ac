import java.nio.file.Files
import java.nio.file.attribute.FileTime
import java.time.Duration
import java.time.Instant

// an entry no run has used for 40 days, and files in the cache directory that no cache wrote
def cache = new File(basedir, 'review-cache').toPath()
def key = 'ab' + '0' * 62
def stale = cache.resolve("reviews/ab/${key}.json")
Files.createDirectories(stale.parent)
Files.writeString(stale, '{"format": 2, "key": "' + key + '", "review": {}}')
Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(Duration.ofDays(40))))
['reviews/ab/notes.txt', 'README.txt', 'embeddings/keep-me.md'].each { name ->
    def stranger = cache.resolve(name)
    Files.createDirectories(stranger.parent)
    Files.writeString(stranger, 'not a cache entry')
    Files.setLastModifiedTime(stranger, FileTime.from(Instant.now().minus(Duration.ofDays(400))))
}
dev.scrum.testing.FakeModelServer.startForInvoker(basedir)
return true
