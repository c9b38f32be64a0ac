package dev.scrum.redact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactionPolicyTest {
    private static final List<URI> LOOPBACK = List.of(URI.create("http://127.0.0.1:11434"),
            URI.create("http://localhost:8000/v1"), URI.create("http://[::1]:11434"));

    @Test
    void remoteMasksOnlyForAServerNotOnThisMachine() {
        assertFalse(RedactionPolicy.REMOTE.appliesTo(LOOPBACK));
        assertTrue(RedactionPolicy.REMOTE.appliesTo(List.of(URI.create("https://ollama.com"))));
        assertTrue(RedactionPolicy.REMOTE.appliesTo(List.of(URI.create("http://gpu-box.lan:11434"))));
        assertTrue(RedactionPolicy.REMOTE.appliesTo(List.of(URI.create("http://localhost:11434"),
                URI.create("http://10.0.0.7:11434"))), "one replica elsewhere is enough");
    }

    @Test
    void alwaysAndNeverIgnoreTheServer() {
        assertTrue(RedactionPolicy.ALWAYS.appliesTo(LOOPBACK));
        assertFalse(RedactionPolicy.NEVER.appliesTo(List.of(URI.create("https://api.openai.com/v1"))));
    }

    @Test
    void parsesItsIdsAndRefusesAnythingElse() {
        assertEquals(RedactionPolicy.ALWAYS, RedactionPolicy.parse(" Always "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedactionPolicy.parse("sometimes"));
        assertTrue(e.getMessage().startsWith("'sometimes' is not a redaction policy: use remote"), e.getMessage());
    }
}
