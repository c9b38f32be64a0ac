package dev.scrum.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client every model-server client shares: JSON POSTs with a bearer key, a per-call
 * timeout that bounds the whole call (a server that drips bytes forever costs at most the timeout), and
 * retries of 429/503 answers through {@link RateLimitRetryStrategy}. Redirects are not followed, so a key is
 * never sent on to another host. Thread-safe; close it once, after the last call.
 */
public final class HttpTransport implements AutoCloseable {

    /** Retries of a 429/503 answer by default. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The longest wait before a retry by default, whatever {@code Retry-After} asks. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /** A transport with {@link #DEFAULT_MAX_RETRIES} and {@link #DEFAULT_MAX_RETRY_WAIT}. */
    public HttpTransport() {
        this(DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT);
    }

    /**
     * @param maxRetries retries of a 429 or 503 answer (0 for none)
     * @param maxRetryWait the longest wait before a retry, whatever the server's {@code Retry-After} says
     */
    public HttpTransport(int maxRetries, Duration maxRetryWait) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(16)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setRetryStrategy(new RateLimitRetryStrategy(maxRetries, maxRetryWait))
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("scrum-maven-plugin")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scrum-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * POSTs a JSON body and returns the status and body, whatever the status (the caller decides what an
     * error status means). Retries of 429/503 happen inside, within the same {@code timeout}.
     *
     * @param uri the endpoint
     * @param keyOrNull sent as {@code Authorization: Bearer}, or no such header when {@code null}
     * @param jsonBody the request body
     * @param timeout the connect timeout, the response timeout, and the deadline of the whole call
     * @throws ChatException {@link ChatException.Kind#TIMEOUT} past the timeout or deadline,
     *     {@link ChatException.Kind#NETWORK} when the connection fails
     */
    public HttpReply post(URI uri, ApiKey keyOrNull, String jsonBody, Duration timeout) throws ChatException {
        HttpPost post = new HttpPost(uri);
        post.setConfig(configFor(timeout));
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (keyOrNull != null) {
            post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + keyOrNull.reveal());
        }
        post.setEntity(new StringEntity(jsonBody, ContentType.APPLICATION_JSON));

        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(RateLimitRetryStrategy.DEADLINE, Instant.now().plus(timeout));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, context, response -> new HttpReply(response.getCode(), text(response.getEntity())));
        } catch (SocketTimeoutException e) {
            throw timedOut(uri, timeout, e);
        } catch (IOException e) {
            if (expired.get() || post.isCancelled()) {
                throw timedOut(uri, timeout, e);
            }
            throw networkFailure(uri, e);
        } finally {
            deadline.cancel(false);
        }
    }

    @SuppressWarnings("deprecation") // a per-request connect timeout is still honoured, and is what we want
    private static RequestConfig configFor(Duration timeout) {
        Timeout t = Timeout.of(timeout);
        return RequestConfig.custom()
                .setConnectionRequestTimeout(t)
                .setConnectTimeout(t)
                .setResponseTimeout(t)
                .build();
    }

    private static String text(HttpEntity entity) throws IOException {
        try {
            return entity == null ? "" : EntityUtils.toString(entity, StandardCharsets.UTF_8);
        } catch (org.apache.hc.core5.http.ParseException e) {
            throw new IOException("unreadable body: " + e.getMessage(), e);
        }
    }

    private static ChatException timedOut(URI uri, Duration timeout, IOException cause) {
        return new ChatException(ChatException.Kind.TIMEOUT, 0,
                "no answer within " + seconds(timeout) + " s from " + shown(uri), cause);
    }

    private static ChatException networkFailure(URI uri, IOException e) {
        String server = origin(uri);
        String what;
        if (e instanceof ConnectException) {
            what = "connection refused by " + server + " (is the server running there?)";
        } else if (e instanceof UnknownHostException) {
            what = "unknown host " + uri.getHost() + " in " + server;
        } else {
            what = "network failure talking to " + server + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return new ChatException(ChatException.Kind.NETWORK, 0, what, e);
    }

    private static String seconds(Duration timeout) {
        long ms = timeout.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : Double.toString(ms / 1000.0);
    }

    /** {@code scheme://host:port}, without any user info. */
    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    /** The URI for messages: scheme, host, port and path; never user info or query. */
    static String shown(URI uri) {
        return origin(uri) + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
    }
}
