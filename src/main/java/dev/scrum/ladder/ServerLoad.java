package dev.scrum.ladder;

import java.util.Objects;

/**
 * How one server of a rung was loaded during a run: its concurrency limit, learned or fixed, and the calls
 * that were in flight to it. Written in {@code summary.json} under {@code servers} and in the run overview.
 *
 * @param rung the rung, {@code provider/model}
 * @param server the server's URL, without user info
 * @param adaptive whether the limit was learned during the run ({@code maxConcurrent} unset) or fixed
 * @param cap the limit at most: {@code maxConcurrent} when set, else the review's {@code threads}
 * @param limitReached the highest limit of the run
 * @param finalLimit the limit when the run ended
 * @param peakInFlight the most calls in flight to the server at once
 * @param calls the calls sent to the server
 * @param timeouts the calls that passed the rung's timeout
 * @param pushbacks the server's 429 and 503 answers
 */
public record ServerLoad(
        String rung,
        String server,
        boolean adaptive,
        int cap,
        int limitReached,
        int finalLimit,
        int peakInFlight,
        int calls,
        int timeouts,
        int pushbacks) {

    public ServerLoad {
        Objects.requireNonNull(rung, "rung");
        Objects.requireNonNull(server, "server");
    }

    /** {@code learned, up to 8} or {@code fixed}, for tables. */
    public String kind() {
        return adaptive ? "learned, up to " + cap : "fixed (maxConcurrent)";
    }
}
