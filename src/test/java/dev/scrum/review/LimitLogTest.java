package dev.scrum.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.ladder.Rung;
import dev.scrum.provider.Provider;
import java.net.URI;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The learned limits in the log: a line when a limit changes, not a flood during slow start. */
class LimitLogTest {

    private static final URI SERVER = URI.create("http://user:secret@gpu1:11434");
    private final ProgressLines progress = new ProgressLines();
    private final List<String> lines = progress.lines;
    private final AtomicLong now = new AtomicLong();
    private final LimitLog log = new LimitLog(progress, now::get);
    private final Rung rung = Rung.of(Provider.OLLAMA, "qwen", URI.create("http://gpu1:11434"));

    @Test
    void aSlowStartIsOneLineAndADropIsLoggedAtOnce() {
        log.changed(rung, SERVER, 4);
        now.addAndGet(1_000_000_000L);
        log.changed(rung, SERVER, 8);
        now.addAndGet(1_000_000_000L);
        log.changed(rung, SERVER, 16);
        assertEquals(1, lines.size(), "rises within ten seconds of the last line wait: " + lines);
        assertEquals("Concurrency ollama/qwen at http://gpu1:11434: 4 call(s) at once (up from 2: latency stays flat)",
                lines.get(0));
        log.changed(rung, SERVER, 5);
        assertEquals(2, lines.size());
        assertEquals("Concurrency ollama/qwen at http://gpu1:11434: 5 call(s) at once (down from 16: the server queues, "
                + "times out or pushes back)", lines.get(1), "a drop is said at once, from the limit it fell from");
        now.addAndGet(LimitLog.QUIET_NANOS);
        log.changed(rung, SERVER, 6);
        assertEquals(3, lines.size(), "a rise after a quiet spell is said");
        assertTrue(lines.get(2).contains("6 call(s) at once (up from 5"), lines.get(2));
        assertTrue(lines.stream().noneMatch(l -> l.contains("secret") || l.contains("user")), "no user info: " + lines);
    }

    @Test
    void eachServerHasItsOwnLine() {
        log.changed(rung, URI.create("http://gpu1:11434"), 4);
        log.changed(rung, URI.create("http://gpu2:11434"), 4);
        assertEquals(2, lines.size());
    }
}
