package dev.scrum.llm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.utils.DateUtils;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * HttpClient's own retry strategy, extended for model servers. Retried, within one call: answers 429 (rate
 * limited), 502, 503 (an overfull Ollama queue) and 504, and connections reset or closed before the whole
 * answer arrived. Never retried: any other status (400, 401, 403, 404, 500 ...), refused connections,
 * unknown hosts, TLS failures and timeouts. The wait before a retry is the server's {@code Retry-After}
 * (seconds or an HTTP date) when it gives one, else an exponential backoff with jitter; either way at most
 * the cap, and no retry is made whose wait would pass the call's deadline (the context attribute
 * {@link #DEADLINE}). Every retry made is counted in the context attribute {@link #RETRIES}.
 *
 * <p>POSTs are retried too: asking a model again changes nothing on the server.
 */
final class TransientFailureRetryStrategy extends DefaultHttpRequestRetryStrategy {

    /** Context attribute: the {@link Instant} after which the call has failed anyway. */
    static final String DEADLINE = "dev.scrum.llm.deadline";
    /** Context attribute: the retries made so far, an {@link Integer}. */
    static final String RETRIES = "dev.scrum.llm.retries";
    /** Context attribute: the server's 429 and 503 answers so far, a {@link Pushback}. */
    static final String PUSHBACK = "dev.scrum.llm.pushback";
    /** The statuses retried. */
    static final List<Integer> RETRIED_STATUSES = List.of(429, 502, 503, 504);

    private static final String PLANNED_WAIT = "dev.scrum.llm.planned-wait";
    private static final List<Class<? extends IOException>> FINAL_IO_FAILURES = List.of(
            InterruptedIOException.class, // timeouts: the deadline bounds the call, a retry would not fit
            UnknownHostException.class,
            ConnectException.class, // refused: the ladder leaves the server out for the run
            NoRouteToHostException.class,
            SSLException.class);

    private final long firstBackoffMs;
    private final long maxWaitMs;

    /**
     * @param maxRetries retries of one call at most (0 for none)
     * @param maxWait the longest wait before a retry, whatever {@code Retry-After} asks
     * @param firstBackoff the wait before the first retry when the server gives no {@code Retry-After};
     *     doubled for each further retry, with ±20 % jitter
     */
    TransientFailureRetryStrategy(int maxRetries, Duration maxWait, Duration firstBackoff) {
        super(maxRetries, TimeValue.ofMilliseconds(firstBackoff.toMillis()), FINAL_IO_FAILURES, RETRIED_STATUSES);
        this.firstBackoffMs = firstBackoff.toMillis();
        this.maxWaitMs = maxWait.toMillis();
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        Long retryAfter = retryAfterMs(response);
        if (Pushback.isPushback(response.getCode())) {
            context.setAttribute(PUSHBACK, pushback(context)
                    .plus(retryAfter == null ? null : Duration.ofMillis(retryAfter)));
        }
        if (!super.retryRequest(response, execCount, context)) {
            return false;
        }
        return plan(retryAfter != null ? retryAfter : backoff(execCount), context);
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return super.retryRequest(request, exception, execCount, context) && plan(backoff(execCount), context);
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return planned(context);
    }

    @Override
    public TimeValue getRetryInterval(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        return planned(context);
    }

    /** A model server's POST is safe to repeat: it only asks for an answer. */
    @Override
    protected boolean handleAsIdempotent(HttpRequest request) {
        return true;
    }

    /** Caps the wait; refuses a retry whose wait would pass the deadline, else records it and counts it. */
    private boolean plan(long waitMs, HttpContext context) {
        long wait = Math.max(0, Math.min(waitMs, maxWaitMs));
        if (context.getAttribute(DEADLINE) instanceof Instant deadline
                && Instant.now().plusMillis(wait).isAfter(deadline)) {
            return false;
        }
        context.setAttribute(PLANNED_WAIT, TimeValue.ofMilliseconds(wait));
        context.setAttribute(RETRIES, retries(context) + 1);
        return true;
    }

    private static TimeValue planned(HttpContext context) {
        return context.removeAttribute(PLANNED_WAIT) instanceof TimeValue wait ? wait : TimeValue.ZERO_MILLISECONDS;
    }

    /**
     * The wait {@code Retry-After} asks for, in seconds or as an HTTP date: 0 for {@code 0} or a date past
     * (the default strategy would wait its default interval then); {@code null} without a readable one.
     */
    private static Long retryAfterMs(HttpResponse response) {
        Header header = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().trim();
        if (value.matches("-?\\d{1,9}")) {
            return Math.max(0, Long.parseLong(value)) * 1000;
        }
        Instant date = DateUtils.parseStandardDate(value);
        return date == null ? null : Math.max(0, date.toEpochMilli() - System.currentTimeMillis());
    }

    private long backoff(int execCount) {
        long exponential = firstBackoffMs << Math.min(Math.max(execCount - 1, 0), 10);
        return (long) (exponential * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    }

    /** The server's pushback so far in this call's context. */
    static Pushback pushback(HttpContext context) {
        return context.getAttribute(PUSHBACK) instanceof Pushback p ? p : Pushback.NONE;
    }

    /** The retries made so far in this call's context. */
    static int retries(HttpContext context) {
        return context.getAttribute(RETRIES) instanceof Integer n ? n : 0;
    }
}
