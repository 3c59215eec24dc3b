package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.redis.StreamIdText;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Parallel subscriber delivery on the real server and Redis, through the test subscribers of
 * {@code dev.herald.probes.subscribe.ParallelProbes}: entries of different tenants (the ordering key: the entry
 * carries no aggregate key) are delivered side by side, a tenant's one after another in stream order, and an entry is
 * acknowledged only once handled. The test server times observers out after 2 s, claims after 2 s idle and
 * dead-letters at the third delivery.
 */
class ParallelDeliveryIT extends RedisPipelineTestBase {

    static final String ORDERING_STREAM = "alga-psa:event-stream:subscriber-ordering:TICKET_CREATED";
    static final String SLOW_STREAM = "alga-psa:event-stream:subscriber-slow:TICKET_CREATED";
    /** herald.subscribe.handler-timeout of the test server (src/test/pom.xml). */
    static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(2);
    static final Duration WAIT = Duration.ofSeconds(60);

    private List<JsonObject> invocations(String subscriberId) {
        try {
            HeraldClient.Reply reply = operator.get("probes/subscribe/" + subscriberId);
            assertEquals(200, reply.status(), reply.body());
            return reply.jsonArray().stream().map(JsonValue::asJsonObject).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The probe's invocations of these events, in the order the probe recorded them. */
    private List<JsonObject> invocationsOf(String subscriberId, Set<String> eventIds) {
        return invocations(subscriberId).stream().filter(i -> eventIds.contains(i.getString("eventId"))).toList();
    }

    private void gate(String tenant, String action) throws Exception {
        HeraldClient.Reply reply = operator.post("probes/subscribe/gates/" + tenant + "/" + action, JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, reply.status(), reply.body());
    }

    /** XADDs the events in one pipeline, in the given order; returns their entry ids by event id. */
    private static Map<String, String> xadd(String stream, String channel, List<String[]> eventIdAndTenant) {
        RBatch batch = redis.client().createBatch(BatchOptions.defaults());
        var target = batch.<String, String>getStream(stream, StringCodec.INSTANCE);
        List<org.redisson.api.RFuture<StreamMessageId>> added = new ArrayList<>();
        for (String[] event : eventIdAndTenant) {
            added.add(target.addAsync(StreamAddArgs.entries(Map.of("event",
                    SubscriberIT.envelope(event[0], event[1], UUID.randomUUID().toString()), "channel", channel))));
        }
        batch.execute();
        Map<String, String> entryIds = new LinkedHashMap<>();
        for (int i = 0; i < added.size(); i++) {
            entryIds.put(eventIdAndTenant.get(i)[0], added.get(i).toCompletableFuture().join().toString());
        }
        return entryIds;
    }

    private static long pending(String stream, String entryId) {
        StreamMessageId id = StreamIdText.parse(entryId);
        return redis.client().getStream(stream, StringCodec.INSTANCE).listPending(SubscriberIT.GROUP, id, id, 10).size();
    }

    @Test
    void interleavedTenantsAreEachDeliveredInStreamOrder() throws Exception {
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            tenants.add(UUID.randomUUID().toString());
        }
        List<String[]> events = new ArrayList<>();
        Map<String, List<String>> published = new LinkedHashMap<>();
        for (int i = 0; i < 25; i++) {
            for (String t : tenants) {
                String id = UUID.randomUUID().toString();
                events.add(new String[] {id, t});
                published.computeIfAbsent(t, k -> new ArrayList<>()).add(id);
            }
        }
        Set<String> ids = events.stream().map(e -> e[0]).collect(Collectors.toSet());
        xadd(ORDERING_STREAM, "subscriber-ordering", events);

        List<JsonObject> received = Eventually.await("all 400 events delivered", WAIT, () -> {
            List<JsonObject> seen = invocationsOf("probe-ordered", ids);
            return seen.size() >= ids.size() ? seen : null;
        });
        Map<String, List<String>> delivered = new LinkedHashMap<>();
        received.forEach(i -> delivered.computeIfAbsent(i.getString("tenantId"), k -> new ArrayList<>()).add(i.getString("eventId")));
        for (String t : tenants) {
            assertEquals(published.get(t), delivered.get(t), "tenant " + t + ": delivered once each, in stream order");
        }
    }

    /**
     * probe-slow blocks on the slow tenant's event until the test opens its gate. Events of other tenants written after
     * it was entered are delivered meanwhile, before its delivery could have timed out: a consumer that delivered one
     * entry after another would reach them only once the blocked delivery gave up, a handler timeout later.
     */
    @Test
    void aBlockedTenantDoesNotHoldUpTheOthers() throws Exception {
        String slow = UUID.randomUUID().toString();
        gate(slow, "close");
        try {
            String blocked = UUID.randomUUID().toString();
            xadd(SLOW_STREAM, "subscriber-slow", List.<String[]>of(new String[] {blocked, slow}));
            JsonObject entered = Eventually.await("probe-slow entered for the slow tenant", WAIT,
                    () -> invocationsOf("probe-slow-entered", Set.of(blocked)).stream().findFirst().orElse(null));

            List<String[]> others = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                others.add(new String[] {UUID.randomUUID().toString(), UUID.randomUUID().toString()});
            }
            Set<String> otherIds = others.stream().map(e -> e[0]).collect(Collectors.toSet());
            xadd(SLOW_STREAM, "subscriber-slow", others);
            List<JsonObject> delivered = Eventually.await("the other tenants' 20 events delivered", WAIT, () -> {
                List<JsonObject> seen = invocationsOf("probe-slow", otherIds);
                return seen.size() >= otherIds.size() ? seen : null;
            });

            Instant blockedSince = Instant.parse(entered.getString("at"));
            Instant last = delivered.stream().map(i -> Instant.parse(i.getString("at"))).max(Instant::compareTo).orElseThrow();
            assertTrue(last.isBefore(blockedSince.plus(HANDLER_TIMEOUT)), "the others were delivered while the slow tenant's"
                    + " delivery was still running (entered " + blockedSince + ", last other " + last + ")");
            assertEquals(List.of(), invocationsOf("probe-slow", Set.of(blocked)), "still blocked");
        } finally {
            gate(slow, "open");
        }
    }

    /**
     * While the slow tenant's deliveries are blocked, its entries stay in the group's pending list (read, not handled,
     * so not acknowledged) while the other tenant's, handled, are acknowledged; once let through, the blocked entries
     * are delivered (the timed-out ones claimed and delivered again) and acknowledged.
     */
    @Test
    void anEntryIsAcknowledgedOnlyOnceHandledAndAnUnhandledOneIsDeliveredAgain() throws Exception {
        String slow = UUID.randomUUID().toString();
        String fast = UUID.randomUUID().toString();
        gate(slow, "close");
        Map<String, String> slowEntries = new LinkedHashMap<>();
        Map<String, String> fastEntries = new LinkedHashMap<>();
        try {
            List<String[]> events = new ArrayList<>();
            List<String> slowIds = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String s = UUID.randomUUID().toString();
                slowIds.add(s);
                events.add(new String[] {s, slow});
                for (int j = 0; j < 2; j++) {
                    events.add(new String[] {UUID.randomUUID().toString(), fast});
                }
            }
            Map<String, String> all = xadd(SLOW_STREAM, "subscriber-slow", events);
            for (Map.Entry<String, String> e : all.entrySet()) {
                (slowIds.contains(e.getKey()) ? slowEntries : fastEntries).put(e.getKey(), e.getValue());
            }
            Eventually.await("the fast tenant's 6 events delivered and acknowledged", WAIT,
                    () -> invocationsOf("probe-slow", fastEntries.keySet()).size() == 6
                            && fastEntries.values().stream().allMatch(id -> pending(SLOW_STREAM, id) == 0) ? true : null);
            Eventually.await("probe-slow entered for the slow tenant", WAIT,
                    () -> invocationsOf("probe-slow-entered", slowEntries.keySet()).isEmpty() ? null : true);

            for (Map.Entry<String, String> e : slowEntries.entrySet()) {
                assertEquals(1, pending(SLOW_STREAM, e.getValue()), "event " + e.getKey() + " (entry " + e.getValue()
                        + ") is not handled: it must still be pending");
            }
            assertEquals(List.of(), invocationsOf("probe-slow", slowEntries.keySet()));
        } finally {
            gate(slow, "open");
        }
        Eventually.await("the slow tenant's 3 events delivered and acknowledged once let through", WAIT,
                () -> invocationsOf("probe-slow", slowEntries.keySet()).stream().map(i -> i.getString("eventId"))
                        .collect(Collectors.toSet()).size() == 3
                        && slowEntries.values().stream().allMatch(id -> pending(SLOW_STREAM, id) == 0) ? true : null);
        assertEquals(6, invocationsOf("probe-slow", fastEntries.keySet()).size(), "the handled ones ran once");
    }

    /**
     * probe-slow is its channel's only subscriber, so it runs on its entry's lane thread. Held past the handler timeout,
     * the consumer gives up on it (the entry is left unacknowledged) and the tenant's next entry goes on, on another
     * thread, while the first is still held: still in order, no sooner than a handler timeout after the first.
     */
    @Test
    void aLoneObserverHeldPastTheHandlerTimeoutIsGivenUpAndTheNextEntryOfItsKeyGoesOn() throws Exception {
        String tenant = UUID.randomUUID().toString();
        gate(tenant, "close");
        try {
            String first = UUID.randomUUID().toString();
            String second = UUID.randomUUID().toString();
            xadd(SLOW_STREAM, "subscriber-slow", List.of(new String[] {first, tenant}, new String[] {second, tenant}));
            JsonObject firstEntered = Eventually.await("probe-slow entered the first event", WAIT,
                    () -> invocationsOf("probe-slow-entered", Set.of(first)).stream().findFirst().orElse(null));
            JsonObject secondEntered = Eventually.await("probe-slow entered the second event while the first is held", WAIT,
                    () -> invocationsOf("probe-slow-entered", Set.of(second)).stream().findFirst().orElse(null));

            assertEquals(List.of(), invocationsOf("probe-slow", Set.of(first, second)), "both still held");
            Instant givenUpAfter = Instant.parse(firstEntered.getString("at")).plus(HANDLER_TIMEOUT);
            assertTrue(!Instant.parse(secondEntered.getString("at")).isBefore(givenUpAfter),
                    "the second entered once the first was given up: " + firstEntered + ", " + secondEntered);
        } finally {
            gate(tenant, "open");
        }
    }
}
