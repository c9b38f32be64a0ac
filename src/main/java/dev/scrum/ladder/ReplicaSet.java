package dev.scrum.ladder;

import dev.scrum.llm.ChatClient;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The servers of one rung: replicas serving the same model, each with its own cap on calls in flight. A call
 * goes to the live replica with the fewest calls in flight; a replica that refused a connection is left out
 * for the rest of the run. Thread-safe.
 */
final class ReplicaSet {

    /** One server of the rung. */
    static final class Replica {
        final URI url;
        final ChatClient client;
        private int inFlight;
        private boolean down;

        Replica(URI url, ChatClient client) {
            this.url = url;
            this.client = client;
        }
    }

    private final List<Replica> replicas = new ArrayList<>();
    private final int capEach;
    private int mostInFlight;

    ReplicaSet(Rung rung, Function<Rung, ChatClient> clientFor) {
        for (URI url : rung.baseUrls()) {
            replicas.add(new Replica(url, clientFor.apply(rung.onServer(url))));
        }
        this.capEach = rung.maxConcurrent();
    }

    /**
     * Waits for a free slot on a live replica and takes it.
     *
     * @return the replica, or {@code null} when every replica is down
     */
    synchronized Replica acquire() throws InterruptedException {
        while (true) {
            Replica best = null;
            boolean anyLive = false;
            for (Replica r : replicas) {
                if (r.down) {
                    continue;
                }
                anyLive = true;
                if (r.inFlight < capEach && (best == null || r.inFlight < best.inFlight)) {
                    best = r;
                }
            }
            if (!anyLive) {
                return null;
            }
            if (best != null) {
                best.inFlight++;
                mostInFlight = Math.max(mostInFlight, best.inFlight);
                return best;
            }
            wait();
        }
    }

    synchronized void release(Replica r) {
        r.inFlight--;
        notifyAll();
    }

    /** Leaves a replica out for the rest of the run. */
    synchronized void markDown(Replica r) {
        r.down = true;
        notifyAll();
    }

    /** The servers that refused connections, for messages. */
    synchronized List<URI> downServers() {
        return replicas.stream().filter(r -> r.down).map(r -> r.url).toList();
    }

    /** The most calls ever in flight to one replica (tests and benchmarks check the cap with it). */
    synchronized int mostInFlight() {
        return mostInFlight;
    }
}
