package dev.scrum.maven;

import java.util.Map;
import java.util.Optional;

/** Settings.xml servers and environment variables as maps, for resolver tests. */
record FakeCredentials(Map<String, String> servers, Map<String, String> env) implements Credentials {

    @Override
    public Optional<String> serverPassword(String serverId) {
        return Optional.ofNullable(servers.get(serverId));
    }

    @Override
    public Optional<String> environment(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
    }
}
