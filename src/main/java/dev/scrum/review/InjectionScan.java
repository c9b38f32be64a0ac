package dev.scrum.review;

import dev.scrum.injection.InjectionDetector;
import dev.scrum.injection.InjectionHit;
import dev.scrum.report.Injection;
import java.util.List;

/** The prompt injections in a text a model is to be sent, as the reports record them. */
final class InjectionScan {

    private InjectionScan() {}

    /** The injections in {@code text}, located at {@code path} (relative to the base directory, with /). */
    static List<Injection> of(String path, String text) {
        return InjectionDetector.scan(text).stream().map(h -> injection(path, h)).toList();
    }

    private static Injection injection(String path, InjectionHit hit) {
        return new Injection(path, hit.kind().id(), hit.kind().describe(), hit.line(), hit.column(), hit.quoted(),
                null);
    }

    /** {@code src/A.java:12 (instruction-override): «ignore all previous instructions…»}, for the log. */
    static String describe(Injection i) {
        return i.location() + " (" + i.kind() + "): «" + i.quoted() + "»";
    }
}
