package dev.scrum.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A mojo's log lines of one level, kept for assertions (the others still go to the console). */
final class LogLines {

    private LogLines() {}

    /** From now on, what {@code mojo} logs at info. */
    static List<String> infos(AbstractMojo mojo) {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add(content.toString());
            }
        });
        return lines;
    }

    /** From now on, what {@code mojo} logs at warn. */
    static List<String> warnings(AbstractMojo mojo) {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void warn(CharSequence content) {
                lines.add(content.toString());
            }
        });
        return lines;
    }

    /** From now on, what {@code mojo} logs at error. */
    static List<String> errors(AbstractMojo mojo) {
        List<String> lines = new ArrayList<>();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void error(CharSequence content) {
                lines.add(content.toString());
            }
        });
        return lines;
    }
}
