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

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HTTP handler for provider callbacks ({@code POST /hooks/providers/{connection}}).
 * Verifies the {@code t=...,v1=...} HMAC header against the connection secret
 * and a five-minute clock window, de-duplicates on the provider's event ID, then
 * stores and queues the event. Always answers quickly; unknown types are
 * acknowledged and dropped.
 */
public final class PaymentWebhookReceiver {

    /** A provider connection: the endpoint's identity and its shared secret. */
    public record Connection(String id, String organizationId, String provider, String accountId, byte[] signingSecret) {
    }

    /** A verified event as stored before processing. */
    public record InboundEvent(String connectionId, String providerEventId, String type, String accountId,
                               Instant receivedAt, String rawBody) {
    }

    /** The HTTP answer to the provider. */
    public record Response(int status, String body) {
        static Response ok() {
            return new Response(200, "{\"received\":true}");
        }
    }

    /** Connections, the inbound event log, and the processing queue. */
    public interface Inbox {
        Optional<Connection> connection(String connectionId);

        /** Stores the event; returns false if an event with this provider ID was already stored. */
        boolean storeIfNew(InboundEvent event);

        void enqueueProcessing(String connectionId, String providerEventId);

        void reportUnknownAccount(String connectionId, String accountId, String providerEventId);

        void recordRejected(String connectionId, String reason, Instant at);
    }

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    static final Set<String> HANDLED_TYPES = Set.of("payment.succeeded", "payment.failed",
            "charge.refunded", "refund.updated", "charge.dispute.created", "charge.dispute.closed");

    private static final Logger LOG = Logger.getLogger(PaymentWebhookReceiver.class.getName());
    private static final Pattern SIGNATURE = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");
    private static final Pattern FIELD = Pattern.compile("\"(id|type|account)\"\\s*:\\s*\"([^\"]+)\"");

    private final Inbox inbox;
    private final Clock clock;

    public PaymentWebhookReceiver(Inbox inbox, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
    }

    /**
     * Handles one POST from a provider to the endpoint of {@code connectionId}.
     *
     * @param signatureHeader the provider's signature header, {@code t=<unix seconds>,v1=<hex hmac>}
     * @param rawBody         the request body exactly as received, before any parsing
     */
    public Response receive(String connectionId, String signatureHeader, String rawBody) {
        Instant now = clock.instant();
        Optional<Connection> found = inbox.connection(connectionId);
        if (found.isEmpty()) {
            return new Response(404, "{\"error\":\"unknown endpoint\"}");
        }
        Connection connection = found.get();

        Matcher sig = SIGNATURE.matcher(signatureHeader == null ? "" : signatureHeader);
        if (!sig.find()) {
            return reject(connectionId, "missing or malformed signature header", now);
        }
        Instant signedAt = Instant.ofEpochSecond(Long.parseLong(sig.group(1)));
        if (Duration.between(signedAt, now).abs().compareTo(TOLERANCE) > 0) {
            return reject(connectionId, "timestamp outside tolerance", now);
        }
        byte[] expected = hmac(connection.signingSecret(), sig.group(1) + "." + rawBody);
        byte[] given = HexFormat.of().parseHex(sig.group(2));
        if (!MessageDigest.isEqual(expected, given)) {
            return reject(connectionId, "signature mismatch", now);
        }

        Map<String, String> fields = topLevelFields(rawBody);
        String eventId = fields.get("id");
        String type = fields.get("type");
        if (eventId == null || type == null) {
            return new Response(400, "{\"error\":\"event id and type are required\"}");
        }
        if (!HANDLED_TYPES.contains(type)) {
            return Response.ok();
        }
        String account = fields.getOrDefault("account", connection.accountId());
        if (!account.equals(connection.accountId())) {
            inbox.reportUnknownAccount(connectionId, account, eventId);
            return Response.ok();
        }
        InboundEvent event = new InboundEvent(connectionId, eventId, type, account, now, rawBody);
        if (inbox.storeIfNew(event)) {
            inbox.enqueueProcessing(connectionId, eventId);
        }
        return Response.ok();
    }

    private Response reject(String connectionId, String reason, Instant now) {
        LOG.warning(() -> "Rejected provider webhook on " + connectionId + ": " + reason);
        inbox.recordRejected(connectionId, reason, now);
        return new Response(401, "{\"error\":\"invalid signature\"}");
    }

    static byte[] hmac(byte[] secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Reads the first occurrence of id, type and account; the full payload is parsed by the processor. */
    static Map<String, String> topLevelFields(String json) {
        Map<String, String> fields = new HashMap<>();
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            fields.putIfAbsent(m.group(1), m.group(2));
        }
        return fields;
    }
}
