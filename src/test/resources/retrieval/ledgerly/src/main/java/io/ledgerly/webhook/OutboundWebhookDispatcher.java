/*
 * Copyright 2025 Ledgerly B.V. and contributors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.ledgerly.webhook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends events to subscriber endpoints. The receiving side, for events from
 * payment providers, is {@link PaymentWebhookReceiver}; the two share the
 * signature scheme ({@link PaymentWebhookReceiver#hmac}).
 */
public final class OutboundWebhookDispatcher {

    /** A registered endpoint. {@code failingSince} is null while deliveries succeed. */
    public record Endpoint(String id, String organizationId, URI url, Set<String> eventTypes, String secret,
                           boolean enabled, Instant failingSince) {
    }

    /** An event queued for one endpoint. */
    public record Delivery(String eventId, String endpointId, String objectId, String type, String body,
                           Instant createdAt, int attempts, Instant nextAttemptAt) {
    }

    /** One attempt as shown to users. */
    public record Attempt(String eventId, String endpointId, Instant at, int status, String responseSnippet) {
    }

    /** Endpoints, the delivery queue and the attempt log. */
    public interface Outbox {
        List<Endpoint> endpoints(String organizationId);

        void saveEndpoint(Endpoint endpoint);

        void enqueue(Delivery delivery);

        /** Whether an earlier event for the same object and endpoint is still undelivered. */
        boolean hasEarlierPending(Delivery delivery);

        void reschedule(Delivery delivery);

        void delivered(Delivery delivery);

        void giveUp(Delivery delivery);

        void recordAttempt(Attempt attempt);

        void emailOwners(String organizationId, String message);
    }

    static final int MAX_ENDPOINTS = 20;
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);

    private final Outbox outbox;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public OutboundWebhookDispatcher(Outbox outbox, HttpClient http, Clock clock) {
        this.outbox = outbox;
        this.http = http;
        this.clock = clock;
    }

    /** Registers an endpoint and returns it with its newly generated secret, shown to the user once. */
    public Endpoint register(String organizationId, String id, URI url, Set<String> eventTypes) {
        if (outbox.endpoints(organizationId).size() >= MAX_ENDPOINTS) {
            throw new IllegalStateException("An organization can register at most " + MAX_ENDPOINTS + " endpoints");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new IllegalArgumentException("Webhook endpoints must use HTTPS");
        }
        requirePublicAddress(url);
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Endpoint endpoint = new Endpoint(id, organizationId, url, Set.copyOf(eventTypes),
                "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret), true, null);
        outbox.saveEndpoint(endpoint);
        return endpoint;
    }

    /** Queues an event for every enabled endpoint of the organization that subscribes to its type. */
    public void publish(String organizationId, String eventId, String type, String objectId, String objectJson) {
        Instant now = clock.instant();
        String body = "{\"id\":\"" + eventId + "\",\"type\":\"" + type + "\",\"created\":\"" + now
                + "\",\"data\":" + objectJson + "}";
        for (Endpoint e : outbox.endpoints(organizationId)) {
            if (e.enabled() && e.eventTypes().contains(type)) {
                outbox.enqueue(new Delivery(eventId, e.id(), objectId, type, body, now, 0, now));
            }
        }
    }

    /** Attempts one queued delivery. */
    public void deliver(Delivery d, Endpoint endpoint) {
        if (outbox.hasEarlierPending(d)) {
            outbox.reschedule(new Delivery(d.eventId(), d.endpointId(), d.objectId(), d.type(), d.body(),
                    d.createdAt(), d.attempts(), clock.instant().plusSeconds(30)));
            return;
        }
        Instant now = clock.instant();
        String timestamp = Long.toString(now.getEpochSecond());
        String signature = HexFormat.of().formatHex(PaymentWebhookReceiver.hmac(
                endpoint.secret().getBytes(StandardCharsets.UTF_8), timestamp + "." + d.body()));
        HttpRequest request = HttpRequest.newBuilder(endpoint.url())
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Ledgerly-Event-Id", d.eventId())
                .header("Ledgerly-Signature", "t=" + timestamp + ",v1=" + signature)
                .POST(HttpRequest.BodyPublishers.ofString(d.body()))
                .build();
        int status;
        String snippet;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            snippet = response.body() == null ? "" : response.body().substring(0, Math.min(1024, response.body().length()));
        } catch (IOException e) {
            status = 0;
            snippet = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        outbox.recordAttempt(new Attempt(d.eventId(), d.endpointId(), now, status, snippet));
        if (status >= 200 && status < 300) {
            outbox.delivered(d);
            if (endpoint.failingSince() != null) {
                outbox.saveEndpoint(withFailingSince(endpoint, null, true));
            }
            return;
        }
        Instant failingSince = endpoint.failingSince() != null ? endpoint.failingSince() : now;
        if (Duration.between(failingSince, now).compareTo(GIVE_UP_AFTER) >= 0) {
            outbox.saveEndpoint(withFailingSince(endpoint, failingSince, false));
            outbox.emailOwners(endpoint.organizationId(), "Webhook endpoint " + endpoint.url()
                    + " has been disabled after failing every delivery for three days");
        } else if (endpoint.failingSince() == null) {
            outbox.saveEndpoint(withFailingSince(endpoint, failingSince, true));
        }
        if (Duration.between(d.createdAt(), now).compareTo(GIVE_UP_AFTER) >= 0) {
            outbox.giveUp(d);
        } else {
            outbox.reschedule(new Delivery(d.eventId(), d.endpointId(), d.objectId(), d.type(), d.body(),
                    d.createdAt(), d.attempts() + 1, now.plus(backoff(d.attempts() + 1))));
        }
    }

    /** Exponential backoff with full jitter: about 15 attempts over three days. */
    static Duration backoff(int attempt) {
        long capSeconds = Math.min(8 * 3600L, 30L << Math.min(attempt, 20));
        return Duration.ofSeconds(capSeconds / 2 + ThreadLocalRandom.current().nextLong(capSeconds / 2 + 1));
    }

    /** Refuses URLs whose host resolves to a private, loopback or link-local address (SSRF protection). */
    static void requirePublicAddress(URI url) {
        try {
            for (InetAddress a : InetAddress.getAllByName(url.getHost())) {
                if (a.isLoopbackAddress() || a.isSiteLocalAddress() || a.isLinkLocalAddress()
                        || a.isAnyLocalAddress() || a.isMulticastAddress()) {
                    throw new IllegalArgumentException("Webhook endpoints must be on the public internet");
                }
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot resolve " + url.getHost(), e);
        }
    }

    private static Endpoint withFailingSince(Endpoint e, Instant failingSince, boolean enabled) {
        return new Endpoint(e.id(), e.organizationId(), e.url(), e.eventTypes(), e.secret(), enabled, failingSince);
    }
}
