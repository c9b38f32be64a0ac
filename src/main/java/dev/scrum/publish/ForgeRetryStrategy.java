package dev.scrum.publish;

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
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * HttpClient's retry strategy, extended for forges' REST APIs. Rate limits are retried for every method (the
 * platform did not act on the request): 429, and GitHub's secondary rate limit, a 403 with {@code Retry-After} or
 * with {@code x-ratelimit-remaining: 0}. 500, 502, 503 and 504 are retried for reads and updates in place (GET,
 * PATCH, PUT), not for a POST, which the platform may have carried out before failing (a second comment). The wait
 * is {@code Retry-After} (seconds or an HTTP date), else {@code x-ratelimit-reset} (epoch seconds), else an
 * exponential backoff with jitter; at most the cap. A wait past the cap is not waited for: the call fails then.
 */
final class ForgeRetryStrategy extends DefaultHttpRequestRetryStrategy {

    private static final List<Integer> SERVER_ERRORS = List.of(500, 502, 503, 504);
    /** Context attribute: the request's method, which the response path of the strategy is not given. */
    static final String METHOD = "dev.scrum.publish.method";
    private static final String PLANNED_WAIT = "dev.scrum.publish.planned-wait";

    private final int maxRetries;
    private final long firstBackoffMs;
    private final long maxWaitMs;

    ForgeRetryStrategy(int maxRetries, Duration firstBackoff, Duration maxWait) {
        super(maxRetries, TimeValue.ofMilliseconds(firstBackoff.toMillis()), List.of(InterruptedIOException.class,
                UnknownHostException.class, ConnectException.class, NoRouteToHostException.class,
                SSLException.class), List.of(429, 500, 502, 503, 504));
        this.maxRetries = maxRetries;
        this.firstBackoffMs = firstBackoff.toMillis();
        this.maxWaitMs = maxWait.toMillis();
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        if (execCount > maxRetries) {
            return false;
        }
        int status = response.getCode();
        boolean rateLimited = status == 429 || (status == 403 && (response.containsHeader("Retry-After")
                || "0".equals(value(response, "x-ratelimit-remaining"))));
        String method = method(context);
        boolean serverError = SERVER_ERRORS.contains(status) && !"POST".equals(method);
        if (!rateLimited && !serverError) {
            return false;
        }
        Long asked = askedWaitMs(response);
        long wait = asked != null ? asked : backoff(execCount);
        if (wait > maxWaitMs) {
            return false;
        }
        context.setAttribute(PLANNED_WAIT, TimeValue.ofMilliseconds(wait));
        return true;
    }

    @Override
    public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
        // a reset connection: the request may have been carried out, so only what is safe to repeat is repeated
        return !"POST".equals(request.getMethod()) && super.retryRequest(request, exception, execCount, context);
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        return context.removeAttribute(PLANNED_WAIT) instanceof TimeValue wait ? wait : TimeValue.ZERO_MILLISECONDS;
    }

    @Override
    protected boolean handleAsIdempotent(HttpRequest request) {
        return !"POST".equals(request.getMethod());
    }

    private static String method(HttpContext context) {
        return context.getAttribute(METHOD) instanceof String method ? method : "";
    }

    private static String value(HttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue().trim();
    }

    /** The wait the platform asks for, in ms; {@code null} when it asks for none. */
    static Long askedWaitMs(HttpResponse response) {
        String retryAfter = value(response, "Retry-After");
        if (retryAfter != null) {
            if (retryAfter.matches("\\d{1,9}")) {
                return Long.parseLong(retryAfter) * 1000;
            }
            Instant date = DateUtils.parseStandardDate(retryAfter);
            if (date != null) {
                return Math.max(0, date.toEpochMilli() - System.currentTimeMillis());
            }
        }
        String reset = value(response, "x-ratelimit-reset");
        if (reset != null && reset.matches("\\d{1,12}") && "0".equals(value(response, "x-ratelimit-remaining"))) {
            return Math.max(0, Long.parseLong(reset) * 1000 - System.currentTimeMillis());
        }
        return null;
    }

    private long backoff(int execCount) {
        long exponential = firstBackoffMs << Math.min(Math.max(execCount - 1, 0), 10);
        return (long) (exponential * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
    }
}
