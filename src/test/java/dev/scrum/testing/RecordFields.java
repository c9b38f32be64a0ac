package dev.scrum.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A record's fields, nested records flattened ({@code input.secretsMasked}), so that a test can say exactly
 * which fields a copy changed: every other field must have come through.
 */
public final class RecordFields {

    private RecordFields() {}

    /** Every leaf field of {@code record}, by its dotted path. */
    public static Map<String, Object> of(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        flatten("", record, out);
        return out;
    }

    private static void flatten(String prefix, Record record, Map<String, Object> out) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String path = prefix + c.getName();
            if (value instanceof Record nested) {
                flatten(path + ".", nested, out);
            } else {
                out.put(path, value);
            }
        }
    }

    /** Asserts that {@code after} differs from {@code before} in the {@code changed} fields only, and in each. */
    public static void assertOnlyChanged(Record before, Record after, String... changed) {
        Map<String, Object> a = of(before);
        Map<String, Object> b = of(after);
        assertEquals(a.keySet(), b.keySet());
        Set<String> differing = new TreeSet<>();
        for (String key : a.keySet()) {
            if (!java.util.Objects.equals(a.get(key), b.get(key))) {
                differing.add(key);
            }
        }
        assertEquals(new TreeSet<>(Set.of(changed)), differing, "the fields the copy changed");
    }

    /** Asserts that no leaf field of {@code record} holds its type's default (null, 0, false, empty). */
    public static void assertEveryFieldSet(Record record) {
        Set<String> unset = new TreeSet<>();
        of(record).forEach((key, value) -> {
            if (value == null || Boolean.FALSE.equals(value) || (value instanceof Number n && n.doubleValue() == 0)
                    || (value instanceof String s && s.isEmpty())
                    || (value instanceof java.util.Collection<?> c && c.isEmpty())) {
                unset.add(key);
            }
        });
        assertEquals(Set.of(), unset, "fields left at their default, so a test could not see them dropped");
    }
}
