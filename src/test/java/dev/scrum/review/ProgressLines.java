package dev.scrum.review;

import java.util.ArrayList;
import java.util.List;

/** A {@link Progress} that keeps its lines for assertions, warnings prefixed {@code WARN }. */
final class ProgressLines implements Progress {

    final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void info(String line) {
        lines.add(line);
    }

    @Override
    public synchronized void warn(String line) {
        lines.add("WARN " + line);
    }
}
