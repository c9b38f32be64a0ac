package dev.scrum.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.Reply;
import dev.scrum.testing.Timed;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[]}";

    private FakeModelServer server;

    @BeforeEach
    void start() {
        server = FakeModelServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private URI chat() {
        return URI.create(server.url() + "/api/chat");
    }

    @Test
    void anErrorStatusIsReturnedNotThrown() throws ChatException {
        server.script("m", Reply.status(400, "{\"error\":\"bad\"}"));
        try (HttpTransport transport = new HttpTransport()) {
            HttpReply reply = transport.post(chat(), null, BODY, Duration.ofSeconds(5));

            assertEquals(400, reply.status());
            assertEquals("{\"error\":\"bad\"}", reply.body());
        }
    }

    @Test
    void aLongRetryAfterIsCappedByTheMaximumWait() throws Throwable {
        server.script("m", Reply.status(429, "{}").withHeader("Retry-After", "120"), Reply.content("ok"));
        try (HttpTransport transport = new HttpTransport(2, Duration.ofMillis(200))) {
            Timed<HttpReply> reply = Timed.of(() -> transport.post(chat(), null, BODY, Duration.ofSeconds(10)));

            assertEquals(200, reply.value().status());
            assertEquals(2, server.requests().size());
            assertTrue(reply.millis() < 3_000, "took " + reply.millis() + " ms");
        }
    }

    @Test
    void noRetryIsMadeWhoseWaitWouldPassTheDeadline() throws Throwable {
        server.script("m", Reply.status(503, "{}").withHeader("Retry-After", "5"), Reply.content("ok"));
        try (HttpTransport transport = new HttpTransport(2, Duration.ofSeconds(30))) {
            Timed<HttpReply> reply = Timed.of(() -> transport.post(chat(), null, BODY, Duration.ofSeconds(2)));

            assertEquals(503, reply.value().status());
            assertEquals(1, server.requests().size());
            assertTrue(reply.millis() < 1_500, "took " + reply.millis() + " ms");
        }
    }

    @Test
    void zeroRetriesMeansOneCall() throws ChatException {
        server.script("m", Reply.status(429, "{}").withHeader("Retry-After", "0"));
        try (HttpTransport transport = new HttpTransport(0, Duration.ofSeconds(1))) {
            assertEquals(429, transport.post(chat(), null, BODY, Duration.ofSeconds(5)).status());
            assertEquals(1, server.requests().size());
        }
    }

    @Test
    void aRetryAfterOfZeroOrAPastDateRetriesAtOnceNotAfterTheBackoff() throws Throwable {
        server.script("m", Reply.status(503, "{}").withHeader("Retry-After", "0"),
                Reply.status(429, "{}").withHeader("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), Reply.content("ok"));
        try (HttpTransport transport = new HttpTransport(2, Duration.ofSeconds(30), Duration.ofSeconds(5))) {
            Timed<HttpReply> reply = Timed.of(() -> transport.post(chat(), null, BODY, Duration.ofSeconds(10)));

            assertEquals(200, reply.value().status());
            assertEquals(2, reply.value().retries());
            assertTrue(reply.millis() < 2_000, "took " + reply.millis() + " ms");
        }
    }
}
