package dev.scrum.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OtherLanguagesTest {

    @Test
    void kotlin() {
        SymbolTable t = SymbolTable.of("src/main/kotlin/Orders.kt", """
                package orders

                const val MAX = 3 // val commented = 1

                data class Order(val id: String, var status: String)

                enum class Status(val code: String) {
                    OPEN("o"), SHIPPED("s");

                    fun label() = code
                }

                class Orders {
                    private val byId = mutableMapOf<String, Order>()
                    companion object {
                        val EMPTY = Orders()
                    }

                    fun <T> List<T>.second(): T = this[1]

                    fun place(id: String): Boolean {
                        val local = "x"
                        fun helper() = 1
                        return true
                    }
                }
                """);
        assertEquals(Optional.of(3), t.line("MAX"));
        assertEquals(Optional.of(5), t.line("Order"));
        assertEquals(Optional.of(5), t.line("id"));
        assertEquals(Optional.of(5), t.line("status"));
        assertEquals(Optional.of(7), t.line("Status"));
        assertEquals(Optional.of(8), t.line("OPEN"));
        assertEquals(Optional.of(8), t.line("SHIPPED"));
        assertEquals(Optional.of(10), t.line("label"));
        assertEquals(Optional.of(14), t.line("byId"));
        assertEquals(Optional.of(16), t.line("EMPTY"));
        assertEquals(Optional.of(19), t.line("second"));
        assertEquals(Optional.of(21), t.line("place"));
        for (String name : List.of("commented", "local", "helper", "code2")) {
            assertFalse(t.declares(name), name);
        }
    }

    @Test
    void groovy() {
        SymbolTable t = SymbolTable.of("build/Release.groovy", """
                class Release {
                    static final String CHANNEL = 'stable'
                    def version = "1.0"
                    List<String> notes

                    @Override
                    String toString() {
                        def local = 'x'
                        return local
                    }

                    def publish(String target) {
                        notes.each { note -> println note }
                    }
                }

                enum Stage { DRAFT, FINAL }
                """);
        assertEquals(Optional.of(1), t.line("Release"));
        assertEquals(Optional.of(2), t.line("CHANNEL"));
        assertEquals(Optional.of(3), t.line("version"));
        assertEquals(Optional.of(4), t.line("notes"));
        assertEquals(Optional.of(7), t.line("toString"));
        assertEquals(Optional.of(12), t.line("publish"));
        assertEquals(Optional.of(17), t.line("Stage"));
        assertEquals(Optional.of(17), t.line("DRAFT"));
        assertEquals(Optional.of(17), t.line("FINAL"));
        assertFalse(t.declares("local"));
        assertFalse(t.declares("note"));
    }

    @Test
    void scala() {
        SymbolTable t = SymbolTable.of("src/main/scala/Orders.scala", """
                object Orders {
                  val Limit = 10
                  def place(id: String): Boolean = {
                    val local = 1
                    true
                  }
                }
                trait Listener { def onOrder(id: String): Unit }
                """);
        assertEquals(Optional.of(1), t.line("Orders"));
        assertEquals(Optional.of(2), t.line("Limit"));
        assertEquals(Optional.of(3), t.line("place"));
        assertEquals(Optional.of(8), t.line("Listener"));
        assertEquals(Optional.of(8), t.line("onOrder"));
        assertFalse(t.declares("local"));
    }

    @Test
    void python() {
        SymbolTable t = SymbolTable.of("app/orders.py", """
                \"""Orders. def not_a_function(): pass\"""
                MAX_ITEMS = 10  # limit = 3

                class Order:
                    status: str
                    kind = "order"

                    def __init__(self, order_id):
                        self.order_id = order_id
                        local = [
                            1,
                            2,
                        ]

                    @property
                    async def total(self):
                        def inner():
                            pass
                        return 0

                def place(order):
                    result = call(
                        retries=3,
                    )
                    return result
                """);
        assertEquals(Optional.of(2), t.line("MAX_ITEMS"));
        assertEquals(Optional.of(4), t.line("Order"));
        assertEquals(Optional.of(5), t.line("status"));
        assertEquals(Optional.of(6), t.line("kind"));
        assertEquals(Optional.of(8), t.line("__init__"));
        assertEquals(Optional.of(9), t.line("order_id"));
        assertEquals(Optional.of(16), t.line("total"));
        assertEquals(Optional.of(21), t.line("place"));
        for (String name : List.of("not_a_function", "limit", "local", "inner", "result", "retries")) {
            assertFalse(t.declares(name), name);
        }
    }
}
