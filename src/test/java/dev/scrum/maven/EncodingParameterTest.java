package dev.scrum.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;

/** {@code encoding}: the POM's sourceEncoding, UTF-8 when unset, a clear error for a name Java does not know. */
class EncodingParameterTest {

    @Test
    void unsetIsUtf8AndANamedCharsetIsThatCharset() throws Exception {
        assertEquals(StandardCharsets.UTF_8, ReviewMojo.charset(null));
        assertEquals(StandardCharsets.UTF_8, ReviewMojo.charset(" "));
        assertEquals(StandardCharsets.ISO_8859_1, ReviewMojo.charset("ISO-8859-1"));
        assertEquals(StandardCharsets.ISO_8859_1, ReviewMojo.charset("latin1 "), "aliases too");
    }

    @Test
    void anUnknownCharsetNamesTheParameterAndTheFix() {
        for (String bad : new String[] {"no-such-charset", "UTF 8"}) {
            assertEquals("<encoding> (scrum.encoding, default ${project.build.sourceEncoding}) is '" + bad
                    + "', which is not a charset this Java knows: use e.g. UTF-8 or ISO-8859-1",
                    assertThrows(MojoExecutionException.class, () -> ReviewMojo.charset(bad)).getMessage());
        }
    }
}
