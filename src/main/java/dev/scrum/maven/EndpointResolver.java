package dev.scrum.maven;

import dev.scrum.llm.ApiKey;
import dev.scrum.provider.Provider;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * Resolves where a provider's server is and which API key it gets, by the same rules for every rung and for
 * the embedder. A URL must be http or https with a host and without a user or password (a trailing slash is
 * dropped). The key is settings.xml's {@code <serverId>} password, else the {@code <apiKeyEnv>} variable, else,
 * when a server is not on this machine and the provider needs a key, the provider's default variable.
 */
final class EndpointResolver {

    /**
     * Everything up to the last {@code @}: a password may itself hold {@code @} or {@code /} (unescaped), so
     * masking only up to the first {@code @} or {@code /} would show the rest of it.
     */
    private static final Pattern USER_INFO = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*://)?.*@");

    private final Credentials credentials;
    private final Map<String, String> environment;

    EndpointResolver(Credentials credentials, Map<String, String> environment) {
        this.credentials = credentials;
        this.environment = environment;
    }

    /**
     * @param provider a provider with a server (not in-process)
     * @param where the element, as messages name it: {@code ladder rung 2}, {@code embedding}
     * @param holder how a fix names the element: {@code the rung}, {@code <embedding>}
     * @throws MojoExecutionException for a URL that is not valid; a missing key is not thrown but returned
     */
    ServerEndpoint resolve(Provider provider, ServerConfig config, String where, String holder)
            throws MojoExecutionException {
        List<URI> servers = new ArrayList<>();
        if (present(config.baseUrl)) {
            servers.add(url(config.baseUrl.trim(), where, "baseUrl"));
        }
        for (String replica : config.replicas()) {
            URI u = url(replica.trim(), where, "replicas");
            if (!servers.contains(u)) {
                servers.add(u);
            }
        }
        if (servers.isEmpty()) {
            servers.add(defaultUrl(provider, where));
        }
        return withKey(provider, servers, config, holder);
    }

    private ServerEndpoint withKey(Provider provider, List<URI> servers, ServerConfig config, String holder) {
        if (present(config.serverId)) {
            String id = config.serverId.trim();
            return lookup(servers, credentials.serverPassword(id), "settings.xml server " + id, "serverId",
                    "settings.xml has no server '" + id + "' with a password");
        }
        if (present(config.apiKeyEnv)) {
            String name = config.apiKeyEnv.trim();
            return lookup(servers, credentials.environment(name), "environment variable " + name, "apiKeyEnv",
                    "environment variable " + name + " is not set");
        }
        if (servers.stream().noneMatch(provider::needsKey)) {
            return new ServerEndpoint(servers, null, null, null);
        }
        String env = provider.defaultKeyEnv();
        return lookup(servers, credentials.environment(env), "environment variable " + env, null,
                "no API key: set " + env + " or give " + holder + " a serverId or apiKeyEnv");
    }

    private static ServerEndpoint lookup(List<URI> servers, Optional<String> secret, String source, String element,
            String missing) {
        return secret.map(s -> new ServerEndpoint(servers, ApiKey.of(s, source), null, null))
                .orElseGet(() -> new ServerEndpoint(servers, null, element, missing));
    }

    private URI defaultUrl(Provider provider, String where) throws MojoExecutionException {
        try {
            return provider.defaultBaseUrl(environment);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("<" + where + "><baseUrl> is not given and " + e.getMessage()
                    + ": correct it or give <baseUrl>", e);
        }
    }

    /**
     * A server's URL as configured: http or https with a host, no user or password, no trailing slash.
     *
     * @param element the URL's element, e.g. {@code baseUrl}
     * @throws MojoExecutionException naming {@code <where><element>} and the fix; a password is never shown
     */
    static URI url(String value, String where, String element) throws MojoExecutionException {
        String shown = USER_INFO.matcher(value).replaceFirst("$1***@");
        String invalid = "<" + where + "><" + element + "> '" + shown
                + "' is not a valid URL: write e.g. http://localhost:11434";
        String userInfo = "<" + where + "><" + element + "> '" + shown
                + "' carries a user or password: remove it and give the key through <serverId> (the id of a "
                + "<server> in settings.xml whose <password> is the key) or <apiKeyEnv>";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            // not passed on as the cause: its message repeats the value, password included
            throw new MojoExecutionException(shown.equals(value) ? invalid : userInfo);
        }
        if (uri.getRawUserInfo() != null) {
            throw new MojoExecutionException(userInfo);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            // an unescaped @ or / in a password leaves no parsable user part: still a credential, not a typo
            throw new MojoExecutionException(shown.equals(value) ? invalid : userInfo);
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
