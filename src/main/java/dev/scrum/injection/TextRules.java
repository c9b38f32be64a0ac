package dev.scrum.injection;

import java.util.List;
import java.util.stream.Stream;

/** Every rule over a line's words, in the order they are tried. */
final class TextRules {

    static final List<TextRule> ALL = Stream.of(OverrideRules.ALL, RoleRules.ALL, ApprovalRules.ALL,
            AnswerRules.ALL, EscapeRules.ALL).flatMap(List::stream).toList();

    private TextRules() {}

    /** The rule called {@code name}. */
    static TextRule named(String name) {
        return ALL.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule " + name));
    }
}
