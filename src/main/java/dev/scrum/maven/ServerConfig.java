package dev.scrum.maven;

import java.util.List;

/**
 * What a {@code <rung>} and {@code <embedding>} say about their server: where it is and where its key comes
 * from. There is no field for a key: keys come from settings.xml or the environment.
 */
abstract class ServerConfig {
    /** The server; the provider's default when absent. */
    String baseUrl;
    /** A settings.xml {@code <server>} whose password is the API key. */
    String serverId;
    /** An environment variable holding the API key. */
    String apiKeyEnv;

    /** More servers of the same model; none unless the element has {@code <replicas>}. */
    List<String> replicas() {
        return List.of();
    }
}
