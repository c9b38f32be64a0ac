package dev.scrum.ladder;

import java.net.URI;

/** Hears each change of a server's learned concurrency limit (see {@link ReplicaSet}). */
@FunctionalInterface
public interface LimitListener {

    /** The limit of {@code server} of {@code rung} is now {@code limit}. */
    void changed(Rung rung, URI server, int limit);

    /** Hears nothing. */
    LimitListener NONE = (rung, server, limit) -> {};
}
