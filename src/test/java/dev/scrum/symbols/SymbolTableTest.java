package dev.scrum.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SymbolTableTest {

    /** Line numbers matter: the assertions name them. */
    private static final String JAVA = """
            package com.example.orders;

            import java.util.List;
            import java.util.function.Supplier;

            /** Mentions notDeclaredInJavadoc() and {@link Ghost#haunt}. */
            @Deprecated(since = "1",
                    forRemoval = false)
            public class Orders<T extends Comparable<T>> implements Supplier<T> {

                public static final int MAX_LINES = 10, MIN_LINES = 1;
                private final java.util.Map<String, List<Integer>> byCustomer = new java.util.HashMap<>();
                private String label = "class Fake { void fakeMethod() {} }";
                private final Runnable task = new Runnable() {
                    @Override
                    public void run() {
                        int hiddenLocal = 1;
                    }
                };
                private final Supplier<String> lazy = () -> { String lambdaLocal = "x"; return lambdaLocal; };
                int[] counts = {1, 2}, totals;

                static {
                    int staticLocal = 2;
                }

                public Orders(String label) {
                    this.label = label;
                }

                // void commentedOut() {}
                /* private int blockCommented; */
                @Override
                public T get() {
                    String localVariable = "y";
                    class LocalType { int localField; }
                    return null;
                }

                public <R> List<R> map(java.util.function.Function<? super T, ? extends R> fn, R... extra) {
                    return List.of();
                }

                public List<T> map(int limit) {
                    return List.of();
                }

                @SuppressWarnings({"unchecked",
                        "rawtypes"})
                protected
                void annotatedAcrossLines() {
                }

                public record Line(String sku, int quantity, List<String> tags) {
                    public Line {
                        int compactLocal = 0;
                    }

                    int total() {
                        return quantity;
                    }
                }

                enum Status {
                    OPEN("o") {
                        @Override
                        String code() {
                            return "open";
                        }
                    },
                    SHIPPED("s"),
                    CANCELLED;

                    private final String letter;

                    Status() {
                        this("x");
                    }

                    Status(String letter) {
                        this.letter = letter;
                    }

                    String code() {
                        return letter;
                    }
                }

                interface Listener {
                    int PRIORITY = 5;

                    void onOrder(String id);

                    default void onCancel(String id) {
                        String defaultLocal = id;
                    }
                }

                @interface Audited {
                    String value() default "";

                    int[] levels() default {1, 2};
                }

                static final class Inner {
                    private static class Deeper {
                        long depth;
                    }
                }

                sealed interface Shape permits Circle {}

                record Circle(double radius) implements Shape {}

                private String text = \"""
                        void insideTextBlock() {}
                        \""";
            }
            """;

    private final SymbolTable table = SymbolTable.of("src/main/java/com/example/orders/Orders.java", JAVA);

    private Optional<Integer> line(String name) {
        return table.line(name);
    }

    @Test
    void countsLinesAsThePromptDoes() {
        assertEquals(JAVA.split("\n").length, table.lineCount());
        assertEquals(1, SymbolTable.of("a.txt", "").lineCount());
        assertEquals(2, SymbolTable.of("a.txt", "a\nb").lineCount());
        assertEquals(2, SymbolTable.of("a.txt", "a\r\nb\r\n").lineCount());
    }

    @Test
    void findsTypesNestedOrNotGenericOrNot() {
        assertEquals(Optional.of(9), line("Orders"));
        assertEquals(Optional.of(54), line("Line"));
        assertEquals(Optional.of(64), line("Status"));
        assertEquals(Optional.of(89), line("Listener"));
        assertEquals(Optional.of(99), line("Audited"));
        assertEquals(Optional.of(105), line("Inner"));
        assertEquals(Optional.of(106), line("Deeper"));
        assertEquals(Optional.of(111), line("Shape"));
        assertEquals(Optional.of(113), line("Circle"));
    }

    @Test
    void findsFieldsAndConstantsIncludingSeveralDeclarators() {
        assertEquals(Optional.of(11), line("MAX_LINES"));
        assertEquals(Optional.of(11), line("MIN_LINES"));
        assertEquals(Optional.of(12), line("byCustomer"));
        assertEquals(Optional.of(13), line("label"));
        assertEquals(Optional.of(14), line("task"));
        assertEquals(Optional.of(20), line("lazy"));
        assertEquals(Optional.of(21), line("counts"));
        assertEquals(Optional.of(21), line("totals"));
        assertEquals(Optional.of(74), line("letter"));
        assertEquals(Optional.of(90), line("PRIORITY"));
        assertEquals(Optional.of(107), line("depth"));
        assertEquals(Optional.of(115), line("text"));
    }

    @Test
    void findsMethodsConstructorsAndEveryOverload() {
        assertEquals(List.of(9, 27), table.lines("Orders"));
        assertEquals(Optional.of(34), line("get"));
        assertEquals(List.of(40, 44), table.lines("map"));
        assertEquals(Optional.of(51), line("annotatedAcrossLines"));
        assertEquals(Optional.of(59), line("total"));
        assertEquals(List.of(67, 84), table.lines("code"));
        assertEquals(List.of(64, 76, 80), table.lines("Status"));
        assertEquals(Optional.of(92), line("onOrder"));
        assertEquals(Optional.of(94), line("onCancel"));
        assertEquals(Optional.of(100), line("value"));
        assertEquals(Optional.of(102), line("levels"));
        assertEquals(Optional.of(9), line("Orders#Orders"));
    }

    @Test
    void findsRecordComponentsEnumConstantsAndParameters() {
        assertEquals(Optional.of(54), line("sku"));
        assertEquals(Optional.of(54), line("quantity"));
        assertEquals(Optional.of(54), line("tags"));
        assertEquals(Optional.of(113), line("radius"));
        assertEquals(Optional.of(65), line("OPEN"));
        assertEquals(Optional.of(71), line("SHIPPED"));
        assertEquals(Optional.of(72), line("CANCELLED"));
        assertEquals(Optional.of(40), line("fn"));
        assertEquals(Optional.of(40), line("extra"));
        assertEquals(Optional.of(44), line("limit"));
        assertEquals(List.of(74, 80), table.lines("letter"), "a field and a parameter");
    }

    @Test
    void ignoresCommentsStringsLocalsAndAnonymousClasses() {
        for (String name : List.of("notDeclaredInJavadoc", "Ghost", "haunt", "Fake", "fakeMethod", "commentedOut",
                "blockCommented", "hiddenLocal", "lambdaLocal", "staticLocal", "localVariable", "LocalType",
                "localField", "compactLocal", "defaultLocal", "insideTextBlock", "run", "T", "R", "List",
                "com", "example", "orders", "util", "Supplier", "Deprecated", "Override", "since")) {
            assertFalse(table.declares(name), name);
        }
    }

    @Test
    void matchesAReferenceByItsLastIdentifier() {
        for (String ref : List.of("get", "get()", "Orders.get()", "Orders#get", "this.get", "`get()`",
                "com.example.orders.Orders.get(int)", "Orders::get")) {
            assertEquals(Optional.of(34), line(ref), ref);
        }
        assertEquals("bar", SymbolTable.lastIdentifier("Foo<T>.bar(List<String> xs)"));
        assertEquals("method", SymbolTable.lastIdentifier("the refund method"));
        assertEquals("", SymbolTable.lastIdentifier("()"));
        assertFalse(table.declares(""));
    }

    @Test
    void survivesCodeThatDoesNotCompile() {
        SymbolTable broken = SymbolTable.of("B.java", "class B { int x = ; void a( { } } } record R( ");
        assertTrue(broken.declares("B"));
        assertTrue(broken.declares("x"));
        SymbolTable unterminated = SymbolTable.of("C.java", "class C { String s = \"never closed\n int n; /* open");
        assertTrue(unterminated.declares("C"));
    }

    @Test
    void anUnknownLanguageKnowsItsLinesButNoSymbol() {
        SymbolTable js = SymbolTable.of("web/app.js", "function hello() {}\n");
        assertFalse(js.readsDeclarations());
        assertFalse(js.declares("hello"));
        assertEquals(1, js.lineCount());
        assertTrue(js.hasLine(1));
        assertFalse(js.hasLine(2));
    }
}
