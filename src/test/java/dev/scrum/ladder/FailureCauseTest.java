package dev.scrum.ladder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.scrum.check.Rubric;
import dev.scrum.ladder.FailureCause.Kind;
import dev.scrum.llm.ApiKey;
import dev.scrum.provider.Provider;
import dev.scrum.testing.FakeModelServer;
import dev.scrum.testing.FakeModelServerExtension;
import dev.scrum.testing.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The causes are read from the error texts the real clients and the ladder record, so each is made for real. */
class FailureCauseTest {

    @RegisterExtension
    final FakeModelServerExtension fake = new FakeModelServerExtension(0, Duration.ofSeconds(1));

    private List<Attempt> climb(Rung... rungs) {
        Ladder ladder = new Ladder(List.of(rungs),
                r -> r.provider().chatClient(r.baseUrl(), r.apiKey(), r.timeout(), fake.transport()));
        return ladder.climb(new LadderTest.ListingPrompts(), new Rubric(200), AttemptListener.NONE).attempts();
    }

    private static Optional<FailureCause> cause(Attempt a) {
        return FailureCause.of(a);
    }

    private static String origin(URI url) {
        return url.getScheme() + "://" + url.getHost() + ":" + url.getPort();
    }

    @Test
    void aServerNobodyListensAtIsARefusedConnectionThereForEveryRungOnIt() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        URI closed = URI.create("http://localhost:" + port);

        List<Attempt> attempts = climb(Rung.of(Provider.OLLAMA, "a", closed), Rung.of(Provider.OLLAMA, "b", closed));

        FailureCause refused = new FailureCause(Kind.REFUSED, "http://localhost:" + port, "");
        assertEquals(List.of(Optional.of(refused), Optional.of(refused)), attempts.stream().map(FailureCauseTest::cause)
                .toList(), attempts.toString());
    }

    @Test
    void aMissingModelAWrongKeyAndAServerErrorAreToldApart() {
        FakeModelServer server = fake.server();
        server.script("unauthorized", Reply.status(401, "{\"error\":\"unauthorized\"}"));
        server.script("forbidden", Reply.status(403, "{\"error\":\"forbidden\"}"));
        server.script("crashing", Reply.status(500, "{\"error\":\"llama runner process has terminated\"}"));

        List<Attempt> attempts = climb(Rung.of(Provider.OLLAMA, "absent", server.url()),
                Rung.of(Provider.OLLAMA, "unauthorized", server.url()), Rung.of(Provider.OLLAMA, "forbidden", server.url()),
                Rung.of(Provider.OLLAMA, "crashing", server.url()));

        String at = origin(server.url());
        assertEquals(new FailureCause(Kind.MODEL_NOT_FOUND, at, "absent"), cause(attempts.get(0)).orElseThrow());
        assertEquals(new FailureCause(Kind.UNAUTHORIZED, at, "401"), cause(attempts.get(1)).orElseThrow());
        assertEquals(new FailureCause(Kind.UNAUTHORIZED, at, "403"), cause(attempts.get(2)).orElseThrow());
        FailureCause other = cause(attempts.get(3)).orElseThrow();
        assertEquals(Kind.OTHER, other.kind());
        assertEquals(at, other.server());
        assertEquals(attempts.get(3).error(), other.detail());
    }

    @Test
    void aSlowServerIsATimeout() {
        // the text HttpTransport records (a real timeout here races HttpClient's cancel, a flake of its own)
        Attempt a = Attempt.failed(1, "ollama/slow", "slow",
                "timeout: no answer within 0.3 s from http://127.0.0.1:40123/api/chat (after 1 retry)", 300);

        assertEquals(new FailureCause(Kind.TIMEOUT, "http://127.0.0.1:40123", ""), cause(a).orElseThrow());
    }

    @Test
    void aSkippedRungCarriesItsReasonAndAnAnswerHasNoCause() {
        Rung cloud = Rung.of(Provider.OLLAMA_CLOUD, "gpt-oss:120b", URI.create("https://ollama.com")).offline();
        FakeModelServer server = fake.server();
        server.script("thin", Reply.content("too short"));

        List<Attempt> attempts = climb(cloud, Rung.of(Provider.OLLAMA, "thin", server.url()));

        assertEquals(new FailureCause(Kind.SKIPPED, "", cloud.skipReason()), cause(attempts.get(0)).orElseThrow());
        assertEquals(Optional.empty(), cause(attempts.get(1)), attempts.get(1).toString());
    }

    @Test
    void anIpv6ServerAndRetriesAreReadToo() {
        Attempt a = Attempt.failed(1, "openai/m", "m",
                "http: HTTP 500 from http://[::1]:8080/v1/chat/completions: boom (after 2 retries)", 10);
        assertEquals(new FailureCause(Kind.OTHER, "http://[::1]:8080",
                "http: HTTP 500 from http://[::1]:8080/v1/chat/completions: boom"), cause(a).orElseThrow());
    }

    @Test
    void aRefusedKeyIsNamedByWhereItCameFromNeverByItsValue() {
        String canary = "sk-canary-failure-cause-0123456789";
        FakeModelServer server = fake.server();
        server.script("gpt-4o-mini", Reply.status(401, "{\"error\":{\"message\":\"Incorrect API key provided: " + canary
                + "\"}}"));
        Rung rung = Rung.builder().provider(Provider.OPENAI).model("gpt-4o-mini").baseUrl(server.openAiUrl())
                .apiKey(ApiKey.of(canary, "environment variable OPENAI_API_KEY")).build();

        Attempt attempt = climb(rung).get(0);

        assertEquals(new FailureCause(Kind.UNAUTHORIZED, origin(server.openAiUrl()), "401"),
                cause(attempt).orElseThrow());
        assertFalse(attempt.error().contains(canary), attempt.error());
        assertTrue(attempt.error().contains("environment variable OPENAI_API_KEY"),
                attempt.error());
    }
}
