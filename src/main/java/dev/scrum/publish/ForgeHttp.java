package dev.scrum.publish;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.scrum.llm.ApiKey;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP side of every forge client: JSON requests with the token in the platform's header, retries of rate
 * limits and server errors ({@link ForgeRetryStrategy}), pages of a list followed through the {@code Link} header's
 * {@code rel="next"}, and no redirect followed (the token is never sent on to another host). The token never
 * appears in a message: every text from the platform is masked of it before it is shown.
 */
final class ForgeHttp implements AutoCloseable {

    /** Pages of a list followed at most: 100 items each, enough for any pull request a person reads. */
    static final int MAX_PAGES = 50;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** A platform's answer. */
    record Answer(int status, String body, String nextPage) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonElement json() throws PublishException {
            try {
                return JsonParser.parseString(body);
            } catch (JsonParseException e) {
                throw new PublishException(PublishException.Kind.UNEXPECTED, status,
                        "the answer is not JSON: " + excerpt(body));
            }
        }
    }

    private final CloseableHttpClient client;
    private final Platform platform;
    private final ApiKey token;
    private final String header;
    private final String scheme;
    private final Duration timeout;

    /**
     * @param platform whose API it is: the token goes in GitHub's {@code Authorization: Bearer}, GitLab's
     *     {@code PRIVATE-TOKEN} or Gitea's {@code Authorization: token}
     * @param token the platform's token
     * @param policy the retries, waits and timeout
     */
    ForgeHttp(Platform platform, ApiKey token, RetryPolicy policy) {
        this.platform = platform;
        this.client = HttpClients.custom()
                .setRetryStrategy(new ForgeRetryStrategy(policy.maxRetries(), policy.firstBackoff(), policy.maxWait()))
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent("scrum-maven-plugin")
                .build();
        this.token = token;
        this.header = platform == Platform.GITLAB ? "PRIVATE-TOKEN" : HttpHeaders.AUTHORIZATION;
        this.scheme = switch (platform) {
            case GITHUB -> "Bearer ";
            case GITLAB -> "";
            case GITEA -> "token ";
        };
        this.timeout = policy.timeout();
    }

    /**
     * How hard to try.
     *
     * @param maxRetries retries of one call at most
     * @param firstBackoff the wait before the first retry when the platform asks for none; doubled each time
     * @param maxWait the longest wait; a platform asking for more fails the call
     * @param timeout the connect and answer timeout of one try
     */
    record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxWait, Duration timeout) {
        static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofSeconds(30));
    }

    /**
     * An answer that is not 2xx as the exception to throw: 401 and 403 name the token's source and the permission
     * the platform needs, 404 what to check, 429 that the rate limit outlasted the retries.
     */
    PublishException failed(String method, URI uri, Answer answer) {
        String call = method + " " + shown(uri);
        String said = " It said: " + excerpt(answer.body());
        int status = answer.status();
        return switch (status) {
            case 401 -> new PublishException(PublishException.Kind.AUTHENTICATION, status, platform.title()
                    + " refused the token from " + token.source() + " (401 Unauthorized on " + call + "): it is "
                    + "missing, expired or wrong. Give scrum:publish a valid token with " + platform.permission() + "."
                    + said);
            case 403 -> new PublishException(PublishException.Kind.AUTHENTICATION, status, "The token from "
                    + token.source() + " may not do " + call + " (403 Forbidden): it needs " + platform.permission()
                    + (platform == Platform.GITHUB ? " (in GitHub Actions: permissions: pull-requests: write)" : "")
                    + "." + said);
            case 404 -> new PublishException(PublishException.Kind.NOT_FOUND, status, call + " found nothing (404):"
                    + " check <forge><repository> and <forge><number>, and that the token from " + token.source()
                    + " can see the repository." + said);
            case 429 -> new PublishException(PublishException.Kind.RATE_LIMITED, status, platform.title()
                    + " rate-limited " + call + " (429) past the retries; run scrum:publish again later." + said);
            default -> new PublishException(PublishException.Kind.UNEXPECTED, status, call + " answered " + status
                    + "." + said);
        };
    }

    /** Sends, and returns the answer's JSON; an answer that is not 2xx throws {@link #failed}. */
    JsonElement call(String method, URI uri, JsonElement body) throws PublishException {
        Answer answer = send(method, uri, body == null ? null : body.toString());
        if (!answer.ok()) {
            throw failed(method, uri, answer);
        }
        return answer.body().isBlank() ? new JsonObject() : answer.json();
    }

    Answer get(URI uri) throws PublishException {
        return send("GET", uri, null);
    }

    Answer post(URI uri, JsonElement body) throws PublishException {
        return send("POST", uri, body.toString());
    }

    Answer patch(URI uri, JsonElement body) throws PublishException {
        return send("PATCH", uri, body.toString());
    }

    Answer put(URI uri, JsonElement body) throws PublishException {
        return send("PUT", uri, body.toString());
    }

    /**
     * Every item of a JSON list, following {@code Link: <…>; rel="next"} pages.
     */
    List<JsonElement> list(URI first) throws PublishException {
        List<JsonElement> items = new ArrayList<>();
        URI next = first;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            Answer answer = get(next);
            if (!answer.ok()) {
                throw failed("GET", next, answer);
            }
            JsonElement json = answer.json();
            if (!json.isJsonArray()) {
                throw new PublishException(PublishException.Kind.UNEXPECTED, answer.status(),
                        "GET " + shown(next) + " answered no JSON list: " + excerpt(answer.body()));
            }
            JsonArray array = json.getAsJsonArray();
            array.forEach(items::add);
            next = answer.nextPage() == null ? null : URI.create(answer.nextPage());
        }
        return items;
    }

    Answer send(String method, URI uri, String json) throws PublishException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        Timeout t = Timeout.of(timeout);
        request.setConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t).build());
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        request.setHeader(header, scheme + token.reveal());
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(ForgeRetryStrategy.METHOD, method);
        try {
            return client.execute(request, context, response -> {
                String body = response.getEntity() == null ? ""
                        : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
                return new Answer(response.getCode(), masked(body), next(response.getHeaders("Link")));
            });
        } catch (IOException e) {
            throw new PublishException(PublishException.Kind.NETWORK, method + " " + shown(uri) + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + masked(e.getMessage())), e);
        }
    }

    private static String next(Header[] links) {
        for (Header link : links) {
            Matcher m = NEXT.matcher(link.getValue());
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** The text with the token replaced by {@code ****}, wherever a platform echoed it. */
    String masked(String text) {
        return text == null ? null : text.replace(token.reveal(), "****");
    }

    /** The URI for messages: no query, no user info. */
    static String shown(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** A body on one line, cut to 200 characters, for messages. */
    static String excerpt(String body) {
        String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        if (flat.isEmpty()) {
            return "(empty body)";
        }
        return flat.length() <= 200 ? flat : flat.substring(0, 197) + "...";
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
