package dev.scrum.llm;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one pooled HTTP client every model-server client shares: JSON POSTs with a bearer key, a per-call
 * timeout that bounds the whole call, retries included (a server that never answers, or drips bytes forever,
 * costs at most the timeout), and retries of 429/502/503/504 answers and of connections reset mid-answer
 * through {@link TransientFailureRetryStrategy}. Each body is read whole inside the retried part of the
 * exchange, so that a connection cut mid-body is retried too. Redirects are not followed, so a key is never
 * sent on to another host. Thread-safe; close it once, after the last call: that stops every thread it
 * started and closes every connection.
 */
public final class HttpTransport implements AutoCloseable {

    /** Retries of a 429/502/503/504 answer or a reset connection by default. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** The longest wait before a retry by default, whatever {@code Retry-After} asks. */
    public static final Duration DEFAULT_MAX_RETRY_WAIT = Duration.ofSeconds(30);
    /** The wait before the first retry when the server gives no {@code Retry-After}; doubled each time. */
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final String READ_BODY = "scrum-read-body";

    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;

    /** A transport with {@link #DEFAULT_MAX_RETRIES} and {@link #DEFAULT_MAX_RETRY_WAIT}. */
    public HttpTransport() {
        this(DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_WAIT);
    }

    /**
     * @param maxRetries retries of one call (0 for none)
     * @param maxRetryWait the longest wait before a retry, whatever the server's {@code Retry-After} says
     */
    public HttpTransport(int maxRetries, Duration maxRetryWait) {
        this(maxRetries, maxRetryWait, DEFAULT_FIRST_BACKOFF);
    }

    /**
     * @param maxRetries retries of one call (0 for none)
     * @param maxRetryWait the longest wait before a retry, whatever the server's {@code Retry-After} says
     * @param firstBackoff the wait before the first retry when the server gives no {@code Retry-After}
     */
    public HttpTransport(int maxRetries, Duration maxRetryWait, Duration firstBackoff) {
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(64)
                        .setMaxConnPerRoute(16)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .setRetryStrategy(new TransientFailureRetryStrategy(maxRetries, maxRetryWait, firstBackoff))
                .addExecInterceptorAfter(ChainElement.RETRY.name(), READ_BODY, readBodyWhole())
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("scrum-maven-plugin")
                .build();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "scrum-http-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        this.deadlines = scheduler;
    }

    /**
     * Reads each answer's body whole where the retry strategy sees its failures: a connection reset or
     * closed mid-body is then retried like one reset before the answer.
     */
    private static ExecChainHandler readBodyWhole() {
        return (request, scope, chain) -> {
            ClassicHttpResponse response = chain.proceed(request, scope);
            HttpEntity entity = response.getEntity();
            if (entity != null) {
                try {
                    byte[] body = EntityUtils.toByteArray(entity);
                    response.setEntity(new ByteArrayEntity(body, ContentType.parseLenient(entity.getContentType())));
                } catch (IOException | RuntimeException e) {
                    response.close();
                    throw e;
                }
            }
            return response;
        };
    }

    /**
     * POSTs a JSON body and returns the status and body, whatever the status (the caller decides what an
     * error status means), and the retries it took. Retries happen inside, within the same {@code timeout}.
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
        context.setAttribute(TransientFailureRetryStrategy.DEADLINE, Instant.now().plus(timeout));
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(() -> {
            expired.set(true);
            post.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(post, context, response -> new HttpReply(response.getCode(),
                    text(response.getEntity()), TransientFailureRetryStrategy.retries(context),
                    TransientFailureRetryStrategy.pushback(context)));
        } catch (SocketTimeoutException e) {
            throw timedOut(uri, timeout, TransientFailureRetryStrategy.retries(context), e)
                    .withPushback(TransientFailureRetryStrategy.pushback(context));
        } catch (IOException e) {
            int retries = TransientFailureRetryStrategy.retries(context);
            Pushback pushback = TransientFailureRetryStrategy.pushback(context);
            if (expired.get() || post.isCancelled()) {
                throw timedOut(uri, timeout, retries, e).withPushback(pushback);
            }
            throw networkFailure(uri, retries, e).withPushback(pushback);
        } catch (IllegalStateException e) {
            // the deadline's cancel can race the pool releasing the connection ("Endpoint not acquired / already
            // released"): past the deadline that is the timeout it is, not an internal error
            if (expired.get() || post.isCancelled()) {
                throw timedOut(uri, timeout, TransientFailureRetryStrategy.retries(context), new IOException(e))
                        .withPushback(TransientFailureRetryStrategy.pushback(context));
            }
            throw e;
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

    private static ChatException timedOut(URI uri, Duration timeout, int retries, IOException cause) {
        return new ChatException(ChatException.Kind.TIMEOUT, 0,
                "no answer within " + seconds(timeout) + " s from " + shown(uri) + afterRetries(retries), cause,
                retries);
    }

    /** {@code " (after 2 retries)"}, or nothing when none was made. */
    static String afterRetries(int retries) {
        return retries == 0 ? "" : " (after " + retries + (retries == 1 ? " retry)" : " retries)");
    }

    private static ChatException networkFailure(URI uri, int retries, IOException e) {
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
        return new ChatException(ChatException.Kind.NETWORK, 0, what + afterRetries(retries), e, retries);
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

    /** Closes every connection and stops every thread the transport started; waits briefly for them. */
    @Override
    public void close() {
        deadlines.shutdownNow();
        client.close(CloseMode.GRACEFUL);
        try {
            deadlines.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
