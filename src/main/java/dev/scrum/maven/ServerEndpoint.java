package dev.scrum.maven;

import dev.scrum.llm.ApiKey;
import java.net.URI;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * A provider's servers, as configured, and the API key they get.
 *
 * @param servers the base URLs, the main one first; never empty
 * @param key the key, or {@code null} when none is configured or needed
 * @param keyElement the element naming the key that was not found ({@code serverId}, {@code apiKeyEnv}), or
 *     {@code null} when it is the provider's default environment variable
 * @param missingKey why there is no key where one is configured or needed, or {@code null}
 */
record ServerEndpoint(List<URI> servers, ApiKey key, String keyElement, String missingKey) {

    ServerEndpoint {
        servers = List.copyOf(servers);
    }

    /** The main server. */
    URI baseUrl() {
        return servers.get(0);
    }

    /**
     * This endpoint, when no key is missing.
     *
     * @param where the element, as messages name it: {@code embedding}
     * @throws MojoExecutionException naming the element and the missing key
     */
    ServerEndpoint requireKey(String where) throws MojoExecutionException {
        if (missingKey == null) {
            return this;
        }
        throw new MojoExecutionException("<" + where + ">" + (keyElement == null ? "" : "<" + keyElement + ">")
                + ": " + missingKey);
    }
}
