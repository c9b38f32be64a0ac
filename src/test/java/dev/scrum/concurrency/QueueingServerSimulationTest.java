package dev.scrum.concurrency;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.PriorityQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limit against a simulated server that works on {@code width} calls at once and queues the rest, first
 * come first served, in virtual time: the same shape as the benchmark's stub, without a clock. The review
 * sends a call whenever fewer than the limit are in flight and files remain.
 */
class QueueingServerSimulationTest {

    private static final long SERVICE_MS = 1000;

    private record Call(long sentAt, int inFlightAtSend) {}

    private record Finish(long at, Call call) {}

    private record Run(long makespanMs, long longestMs, int finalLimit, int mostInFlight) {}

    private static Run simulate(int width, int threads, int files) {
        AdaptiveLimit limit = new AdaptiveLimit(threads, null);
        PriorityQueue<Finish> working = new PriorityQueue<>((a, b) -> Long.compare(a.at(), b.at()));
        Deque<Call> waiting = new ArrayDeque<>();
        long now = 0;
        int sent = 0;
        int inFlight = 0;
        int mostInFlight = 0;
        long longest = 0;
        while (sent < files || inFlight > 0) {
            while (sent < files && inFlight < Math.min(limit.limit(), threads)) {
                inFlight++;
                sent++;
                mostInFlight = Math.max(mostInFlight, inFlight);
                Call call = new Call(now, inFlight);
                if (working.size() < width) {
                    working.add(new Finish(now + SERVICE_MS, call));
                } else {
                    waiting.add(call);
                }
            }
            Finish done = working.poll();
            now = done.at();
            long latency = now - done.call().sentAt();
            longest = Math.max(longest, latency);
            limit.answered(Duration.ofMillis(latency), done.call().inFlightAtSend(), inFlight);
            inFlight--;
            if (!waiting.isEmpty()) {
                working.add(new Finish(now + SERVICE_MS, waiting.poll()));
            }
        }
        return new Run(now, longest, limit.limit(), mostInFlight);
    }

    @ParameterizedTest(name = "{0} wide, threads {1}, {2} files")
    @CsvSource({"1, 8, 30", "3, 8, 30", "8, 8, 30", "2, 4, 40", "5, 16, 60", "4, 4, 9"})
    void keepsTheServerBusyWithoutPilingUpItsQueue(int width, int threads, int files) {
        Run run = simulate(width, threads, files);
        int best = Math.min(width, threads);
        long oracle = (long) Math.ceil((double) files / best) * SERVICE_MS;
        assertTrue(run.makespanMs() <= oracle * 1.3, "within 1.3x of the best fixed limit: " + run + " vs " + oracle);
        assertTrue(run.longestMs() <= 3 * SERVICE_MS, "no call waits more than two turns: " + run);
        if (width < threads) {
            assertTrue(run.finalLimit() >= width && run.finalLimit() <= width + 1,
                    "settles on the width, plus one waiting: " + run);
        } else {
            assertTrue(run.mostInFlight() == threads, "uses every thread on a wide server: " + run);
        }
    }

    @Test
    void sixteenFilesOnAServerOfAnyWidthWithEightThreadsTakeUnderAQuarterOfTheSequentialTime() {
        Run run = simulate(1000, 8, 16);
        long sequential = 16 * SERVICE_MS;
        assertTrue(run.makespanMs() * 3.5 <= sequential, "3.5x the sequential run at least: " + run);
        assertTrue(run.mostInFlight() == 8, "every thread used: " + run);
    }
}
