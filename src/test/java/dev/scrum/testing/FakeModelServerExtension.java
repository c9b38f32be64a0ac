package dev.scrum.testing;

import dev.scrum.llm.HttpTransport;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link FakeModelServer} and {@link HttpTransport} for each test, closed after it:
 * {@code @RegisterExtension final FakeModelServerExtension fake = new FakeModelServerExtension();}.
 */
public final class FakeModelServerExtension implements BeforeEachCallback, AfterEachCallback {
    private final int maxRetries;
    private final Duration maxRetryWait;
    private final Duration firstBackoff;
    private FakeModelServer server;
    private HttpTransport transport;

    /** With the transport's default retries. */
    public FakeModelServerExtension() {
        this(HttpTransport.DEFAULT_MAX_RETRIES, HttpTransport.DEFAULT_MAX_RETRY_WAIT);
    }

    /** With a transport retrying at most {@code maxRetries} times, waiting at most {@code maxRetryWait}. */
    public FakeModelServerExtension(int maxRetries, Duration maxRetryWait) {
        this(maxRetries, maxRetryWait, HttpTransport.DEFAULT_FIRST_BACKOFF);
    }

    /** With a transport whose backoff without {@code Retry-After} starts at {@code firstBackoff}. */
    public FakeModelServerExtension(int maxRetries, Duration maxRetryWait, Duration firstBackoff) {
        this.maxRetries = maxRetries;
        this.maxRetryWait = maxRetryWait;
        this.firstBackoff = firstBackoff;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server = FakeModelServer.start();
        transport = new HttpTransport(maxRetries, maxRetryWait, firstBackoff);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        transport.close();
        server.close();
    }

    /** The test's server. */
    public FakeModelServer server() {
        return server;
    }

    /** The test's transport. */
    public HttpTransport transport() {
        return transport;
    }
}
