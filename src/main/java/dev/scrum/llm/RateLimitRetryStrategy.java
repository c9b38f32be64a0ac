package dev.scrum.llm;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * Retries a call answered with 429 or 503 (an overfull Ollama queue, a rate limit), as HttpClient's default
 * strategy does, with three changes: a {@code Retry-After} wait is capped; without one the wait backs off
 * exponentially with jitter; and no retry is made whose wait would pass the call's deadline (the context
 * attribute {@link #DEADLINE}). IOExceptions are not retried for POST, as in the default strategy.
 */
final class RateLimitRetryStrategy extends DefaultHttpRequestRetryStrategy {

    /** Context attribute: the {@link Instant} after which the call has failed anyway. */
    static final String DEADLINE = "dev.scrum.llm.deadline";

    private static final String PLANNED_WAIT = "dev.scrum.llm.planned-wait";
    private static final long FIRST_BACKOFF_MS = 1_000;

    private final long maxWaitMs;

    RateLimitRetryStrategy(int maxRetries, Duration maxWait) {
        super(maxRetries, TimeValue.ofMilliseconds(FIRST_BACKOFF_MS));
        this.maxWaitMs = maxWait.toMillis();
    }

    @Override
    public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
        if (!super.retryRequest(response, execCount, context)) {
            return false;
        }
        TimeValue wait = waitBefore(response, execCount, context);
        if (context.getAttribute(DEADLINE) instanceof Instant deadline
                && Instant.now().plusMillis(wait.toMilliseconds()).isAfter(deadline)) {
            return false;
        }
        context.setAttribute(PLANNED_WAIT, wait);
        return true;
    }

    @Override
    public TimeValue getRetryInterval(HttpResponse response, int execCount, HttpContext context) {
        if (context.removeAttribute(PLANNED_WAIT) instanceof TimeValue planned) {
            return planned;
        }
        return waitBefore(response, execCount, context);
    }

    private TimeValue waitBefore(HttpResponse response, int execCount, HttpContext context) {
        long ms;
        if (response.containsHeader(HttpHeaders.RETRY_AFTER)) {
            ms = super.getRetryInterval(response, execCount, context).toMilliseconds();
        } else {
            long backoff = FIRST_BACKOFF_MS << Math.min(execCount - 1, 10);
            ms = (long) (backoff * ThreadLocalRandom.current().nextDouble(0.8, 1.2));
        }
        return TimeValue.ofMilliseconds(Math.max(0, Math.min(ms, maxWaitMs)));
    }
}
