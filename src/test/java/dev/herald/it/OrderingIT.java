package dev.herald.it;

import static dev.herald.it.Events.PROJECT_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The ordering and atomicity guarantees of the publishing path, each with a test that fails when the guarantee is
 * taken away: per-aggregate order on the streams (the publisher's {@code JMSXGroupID}, the relay's 8 sessions), and
 * nothing of a failed transaction on Redis, nor in the database.
 *
 * <p>The events are PROJECT_CREATED: no subscriber and no workflow reacts to them, so thousands of them cost the
 * later tests nothing.
 */
class OrderingIT extends RedisPipelineTestBase {

    /** A channel of this class's own, so that a run of one aggregate can be split into many JMS messages. */
    static final String SIDE_CHANNEL = "ordering-it";
    static final String SIDE_STREAM = "alga-psa:event-stream:" + SIDE_CHANNEL + ":PROJECT_CREATED";

    /**
     * One request, one transaction, 1,000 events of one aggregate: the publisher puts at most 100 events in a JMS
     * message, so 10 messages reach the relay's 8 sessions at once when the transaction commits.
     */
    @Test
    void aBatchOfAThousandEventsOfOneAggregateReachesTheStreamInPublishOrder() throws Exception {
        String aggregate = tenant + ":project:" + UUID.randomUUID();
        JsonArrayBuilder batch = Json.createArrayBuilder();
        for (int i = 0; i < 1000; i++) {
            batch.add(Events.projectCreated(tenant).add("aggregateKey", aggregate));
        }
        List<String> published = ids(herald.post("api/events/batch", batch.build()));
        assertEquals(1000, published.size());

        List<String> onStream = awaitIdsOfTenant(PROJECT_CREATED_STREAM, 1000);
        assertEquals(Set.copyOf(published), Set.copyOf(onStream), "every event of the batch, once");
        assertNoInversions("the batch's aggregate", published, onStream);
        assertEquals(published, onStream, "the stream order is the publish order");
    }

    /**
     * Many clients publish to the same aggregates at once, none waiting for another. Publishes that overlap in time
     * have no order (neither committed before the other was asked for); what holds, and what is asserted, is: an
     * event whose publish was acknowledged (202, committed) before another event of its aggregate was even sent comes
     * before it on the stream. Each client thread records, for each of its own publishes, when it sent the request
     * and when the 202 came back (one clock, {@code System.nanoTime()} of this JVM). Meanwhile another tenant keeps
     * the relay behind with batches of one-event messages, so that an acknowledged event often still waits in the
     * queue when the next one of its aggregate arrives: only the group then keeps the two apart.
     */
    @Test
    void concurrentPublishersKeepTheOrderOfWhatWasAcknowledgedBeforeTheNextWasSent() throws Exception {
        int aggregates = 8;
        int threads = 16;
        int perThread = 40;
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            keys.add(tenant + ":project:" + UUID.randomUUID());
        }
        ExecutorService clients = Executors.newFixedThreadPool(threads + 1);
        List<Publish> publishes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean publishing = new java.util.concurrent.atomic.AtomicBoolean(true);
        try {
            Future<Integer> backlog = clients.submit(() -> backlogWhile(publishing));
            List<Future<List<Publish>>> shares = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                shares.add(clients.submit(() -> {
                    List<Publish> own = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        int aggregate = (thread + i) % aggregates;
                        long sentAt = System.nanoTime();
                        HeraldClient.Reply reply = herald.post("api/events",
                                Events.projectCreated(tenant).add("aggregateKey", keys.get(aggregate)).build());
                        long acknowledgedAt = System.nanoTime();
                        assertEquals(202, reply.status(), reply.body());
                        own.add(new Publish(reply.json().getString("eventId"), aggregate, sentAt, acknowledgedAt));
                    }
                    return own;
                }));
            }
            try {
                for (Future<List<Publish>> share : shares) {
                    publishes.addAll(share.get());
                }
            } finally {
                publishing.set(false);
            }
            System.out.printf("OrderingIT concurrent publishers: %d backlog events of another tenant meanwhile%n", backlog.get());
        } finally {
            clients.shutdownNow();
        }

        List<String> onStream = awaitIdsOfTenant(PROJECT_CREATED_STREAM, threads * perThread);
        Map<String, Integer> position = positions(onStream);
        assertEquals(threads * perThread, position.size(), "every event, once");
        int ordered = 0;
        int overlapping = 0;
        List<String> violations = new ArrayList<>();
        for (Publish first : publishes) {
            for (Publish second : publishes) {
                if (first.aggregate() != second.aggregate() || first == second) {
                    continue;
                }
                if (first.acknowledgedAt() < second.sentAt()) {
                    ordered++;
                    if (position.get(first.id()) > position.get(second.id())) {
                        violations.add(first.id() + " (acknowledged) after " + second.id() + " (sent later)");
                    }
                } else if (second.acknowledgedAt() >= first.sentAt()) {
                    overlapping++; // both orders are right for these two
                }
            }
        }
        System.out.printf("OrderingIT concurrent publishers: %d ordered pairs checked, %d overlapping pairs, %d violations%n",
                ordered, overlapping / 2, violations.size());
        assertTrue(ordered > 10_000, "the test must check many acknowledged-before-sent pairs, checked " + ordered);
        assertTrue(overlapping > 0, "the publishers must have overlapped on an aggregate, or this is not concurrency");
        assertEquals(List.of(), violations.subList(0, Math.min(10, violations.size())),
                violations.size() + " of " + ordered + " acknowledged-before-sent pairs are out of order on the stream");
    }

    /**
     * What makes the relay keep an aggregate's order is the JMS group the publisher sets ({@code JMSXGroupID}): the
     * broker hands a group's messages to one of the relay's 8 sessions at a time, in order. This test is built so
     * that without the group the order breaks: few aggregates, and every event its own JMS message (consecutive
     * events of an aggregate alternate between two channel sets, and the publisher starts a new message where the
     * channels change), 1,000 messages per transaction, committed at once, two transactions.
     */
    @Test
    void manySmallMessagesOfFewAggregatesKeepTheirOrderAcrossTheRelaysSessions() throws Exception {
        int aggregates = 4;
        int batches = 2;
        int perBatch = 1000;
        List<String> keys = new ArrayList<>();
        for (int a = 0; a < aggregates; a++) {
            keys.add(tenant + ":project:" + UUID.randomUUID());
        }
        Map<Integer, List<String>> publishOrder = new HashMap<>();
        Map<Integer, List<String>> sideOrder = new HashMap<>();
        for (int b = 0; b < batches; b++) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            for (int i = 0; i < perBatch; i++) {
                int aggregate = i % aggregates;
                JsonObject event = Events.projectCreated(tenant).add("aggregateKey", keys.get(aggregate)).build();
                batch.add(onSideChannel(i) ? Json.createObjectBuilder(event)
                        .add("channels", Json.createArrayBuilder().add("global").add(SIDE_CHANNEL)).build() : event);
            }
            List<String> ids = ids(herald.post("api/events/batch", batch.build()));
            for (int i = 0; i < perBatch; i++) {
                publishOrder.computeIfAbsent(i % aggregates, a -> new ArrayList<>()).add(ids.get(i));
                if (onSideChannel(i)) {
                    sideOrder.computeIfAbsent(i % aggregates, a -> new ArrayList<>()).add(ids.get(i));
                }
            }
        }

        List<String> onStream = awaitIdsOfTenant(PROJECT_CREATED_STREAM, batches * perBatch);
        List<String> onSide = awaitIdsOfTenant(SIDE_STREAM, batches * perBatch / 2);
        long inversions = 0;
        long sideInversions = 0;
        for (int a = 0; a < aggregates; a++) {
            inversions += inversions(publishOrder.get(a), onStream);
            sideInversions += inversions(sideOrder.get(a), onSide);
        }
        System.out.printf("OrderingIT many small messages: %d out-of-order pairs on the global stream, %d on %s%n",
                inversions, sideInversions, SIDE_CHANNEL);
        assertEquals(0, inversions, "pairs of one aggregate out of publish order on " + PROJECT_CREATED_STREAM);
        assertEquals(0, sideInversions, "pairs of one aggregate out of publish order on " + SIDE_STREAM);
    }

    /**
     * A batch of several aggregates (so several JMS messages: 3 aggregates of 150 events, 2 messages each, on two
     * channel sets) sent through the real publisher in a transaction that then rolls back: nothing of it reaches any
     * stream it would have gone to. The barrier is one event per aggregate published afterwards: the group order
     * puts it behind anything of its aggregate, so once the three are on Redis nothing of the batch can still come.
     */
    @Test
    void aMultiMessageBatchWhoseTransactionFailsAfterTheSendsPutsNothingOnRedis() throws Exception {
        List<String> keys = List.of(tenant + ":project:" + UUID.randomUUID(), tenant + ":project:" + UUID.randomUUID(),
                tenant + ":project:" + UUID.randomUUID());
        JsonArrayBuilder batch = Json.createArrayBuilder();
        for (int i = 0; i < 450; i++) {
            JsonObject event = Events.projectCreated(tenant).add("aggregateKey", keys.get(i % 3)).build();
            batch.add(i % 3 == 0 ? Json.createObjectBuilder(event)
                    .add("channels", Json.createArrayBuilder().add("global").add(SIDE_CHANNEL)).build() : event);
        }
        HeraldClient.Reply reply = herald.post("probes/events/rolled-back-batch", batch.build());
        assertEquals(200, reply.status(), reply.body());
        assertTrue(reply.json().getBoolean("rolledBack"), reply.body());
        Set<String> rolledBack = new HashSet<>(reply.json().getJsonArray("eventIds").getValuesAs(JsonString::getString));
        assertEquals(450, rolledBack.size(), "the publisher sent every event before the rollback");

        JsonArrayBuilder barrier = Json.createArrayBuilder();
        for (String key : keys) {
            barrier.add(Json.createObjectBuilder(Events.projectCreated(tenant).add("aggregateKey", key).build())
                    .add("channels", Json.createArrayBuilder().add("global").add(SIDE_CHANNEL)).build());
        }
        List<String> barrierIds = ids(herald.post("api/events/batch", barrier.build()));
        for (String id : barrierIds) {
            awaitEntry(PROJECT_CREATED_STREAM, id);
            awaitEntry(SIDE_STREAM, id);
        }
        Eventually.await("the barrier on the workflow stream", PIPELINE, () -> workflowEntriesOf(tenant).stream()
                .map(e -> e.get("event_id")).toList().containsAll(barrierIds) ? true : null);

        // Three aggregates: the barrier's own events have no order among them, so they are compared as a set.
        assertOnlyTheBarrier(barrierIds, Events.idsOfTenant(redis.entries(PROJECT_CREATED_STREAM), tenant), rolledBack);
        assertOnlyTheBarrier(barrierIds, Events.idsOfTenant(redis.entries(SIDE_STREAM), tenant), rolledBack);
        assertOnlyTheBarrier(barrierIds, workflowEntriesOf(tenant).stream().map(e -> e.get("event_id")).toList(), rolledBack);
    }

    /** The probe is the tests' (the probes WAR, never in the production EAR): it validates as the publisher does. */
    @Test
    void anInvalidBatchIsRefusedByTheRollbackProbeAsByThePublisher() throws Exception {
        HeraldClient.Reply refused = herald.post("probes/events/rolled-back-batch", Json.createArrayBuilder()
                .add(Events.projectCreated(tenant)).add(Events.ticketCreated(tenant, "not-a-uuid")).build());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("/1/payload/ticketId", refused.json().getJsonArray("issues").getJsonObject(0).getString("pointer"));
    }

    /**
     * A refused domain operation leaves the rows as they were, not only the streams. A duplicate ticket number fails
     * at the insert; closing a project without the closing user is refused ({@code RefusedChangeException}, while
     * its events are derived) after the service had already applied the new name and status to the entity, so only
     * the rollback keeps them out of the database.
     * There is no GET of a project: the next accepted change shows the row it started from, in its PROJECT_UPDATED
     * {@code changes} (previous values read from the database).
     */
    @Test
    void refusedOperationsLeaveTheRowsAsTheyWere() throws Exception {
        String number = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
        HeraldClient.Reply first = herald.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", number)
                .add("title", "First").build());
        assertEquals(201, first.status(), first.body());
        assertEquals(1, ticketCount());
        HeraldClient.Reply duplicate = herald.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", number)
                .add("title", "Second").build());
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals(1, ticketCount(), "the duplicate left no row");
        String ticket = "api/tickets/" + first.json().getString("ticketId");
        HeraldClient.Reply renamed = herald.patch(ticket, Json.createObjectBuilder().add("title", "Renamed").build());
        JsonObject ticketChange = expectEvents(200, renamed, null, "TICKET_UPDATED");
        assertEquals(Json.createObjectBuilder().add("title", Json.createObjectBuilder().add("previous", "First").add("new", "Renamed"))
                        .build(), payloadOf("TICKET_UPDATED", ticketChange).getJsonObject("changes"),
                "the first ticket's row is as it was created");

        JsonObject project = herald.post("api/projects", Json.createObjectBuilder().add("name", "Before").build()).json();
        String p = "api/projects/" + project.getString("id");
        HeraldClient.Reply refused = herald.patch(p, Json.createObjectBuilder().add("name", "After").add("status", "closed").build());
        assertEquals(400, refused.status(), "PROJECT_CLOSED needs the closing user: " + refused.body());
        String user = UUID.randomUUID().toString();
        JsonObject accepted = expectEvents(200, herald.patch(p, Json.createObjectBuilder().add("name", "After")
                .add("status", "active").add("actorUserId", user).build()), null, "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED");
        JsonObject changes = payloadOf("PROJECT_UPDATED", accepted).getJsonObject("changes");
        assertEquals("Before", previous(changes, "name"), "the refused rename was not written: " + changes);
        assertEquals("planned", previous(changes, "status"), "the refused close was not written: " + changes);

        // The accepted change is the barrier of the project's group: nothing of the refused change can come after it.
        // (The duplicate ticket would have had a group of its own; TicketEventRelayIT covers its events.)
        awaitEntry("alga-psa:event-stream:global:PROJECT_STATUS_CHANGED", accepted.getJsonArray("eventIds").getString(1));
        Eventually.await("the tenant's five events on the workflow stream", PIPELINE,
                () -> typesOfTenant(tenant).size() >= 5 ? true : null);
        assertEquals(Set.of("TICKET_CREATED", "TICKET_UPDATED", "PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED"),
                Set.copyOf(typesOfTenant(tenant)));
        assertEquals(5, typesOfTenant(tenant).size(), "nothing of the refused operations: " + typesOfTenant(tenant));
    }

    /**
     * Batches of 500 events of a tenant of its own, each event its own JMS message (no aggregate, channel sets
     * alternating), posted one after the other until told to stop: work for all 8 relay sessions.
     */
    private static int backlogWhile(java.util.concurrent.atomic.AtomicBoolean running) throws Exception {
        String other = UUID.randomUUID().toString();
        HeraldClient client = HeraldClient.of(other);
        int sent = 0;
        while (running.get()) {
            JsonArrayBuilder batch = Json.createArrayBuilder();
            for (int i = 0; i < 500; i++) {
                JsonObject event = Events.projectCreated(other).build();
                batch.add(i % 2 == 1 ? Json.createObjectBuilder(event)
                        .add("channels", Json.createArrayBuilder().add("global").add(SIDE_CHANNEL)).build() : event);
            }
            sent += ids(client.post("api/events/batch", batch.build())).size();
        }
        return sent;
    }

    private record Publish(String id, int aggregate, long sentAt, long acknowledgedAt) {
    }

    private static boolean onSideChannel(int index) {
        return (index / 4) % 2 == 1; // with 4 aggregates round-robin: each aggregate's events alternate channel sets
    }

    private static void assertOnlyTheBarrier(List<String> barrier, List<String> onStream, Set<String> rolledBack) {
        long leaked = onStream.stream().filter(rolledBack::contains).count();
        assertEquals(0, leaked, leaked + " events of the rolled-back batch on the stream");
        assertEquals(barrier.size(), onStream.size(), "only the barrier: " + onStream);
        assertEquals(Set.copyOf(barrier), Set.copyOf(onStream), "only the barrier");
    }

    /** A field's previous value in a {@code changes} object, or null when the field did not change. */
    private static String previous(JsonObject changes, String field) {
        return changes.containsKey(field) ? changes.getJsonObject(field).getString("previous") : null;
    }

    private int ticketCount() throws Exception {
        HeraldClient.Reply count = herald.get("api/tickets/count");
        assertEquals(200, count.status(), count.body());
        return count.json().getInt("count");
    }

    /** The payload of an operation's event of that type, as it reached its stream. */
    private static JsonObject payloadOf(String type, JsonObject operation) throws InterruptedException {
        List<String> types = operation.getJsonArray("eventTypes").getValuesAs(JsonString::getString);
        String id = operation.getJsonArray("eventIds").getString(types.indexOf(type));
        return Events.envelope(awaitEntry("alga-psa:event-stream:global:" + type, id)).getJsonObject("payload");
    }

    private static List<String> ids(HeraldClient.Reply reply) {
        assertEquals(202, reply.status(), reply.body());
        JsonArray ids = reply.json().getJsonArray("eventIds");
        return ids.getValuesAs(JsonString::getString);
    }

    /** The tenant's event ids on the stream once there are exactly {@code count} (more is a failure too). */
    private List<String> awaitIdsOfTenant(String stream, int count) throws InterruptedException {
        List<String> ids = Eventually.await(count + " events of the tenant on " + stream, PIPELINE, () -> {
            List<String> now = Events.idsOfTenant(redis.entries(stream), tenant);
            return now.size() >= count ? now : null;
        });
        assertEquals(count, ids.size(), "events of the tenant on " + stream);
        return ids;
    }

    private static Map<String, Integer> positions(List<String> onStream) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < onStream.size(); i++) {
            position.put(onStream.get(i), i);
        }
        return position;
    }

    /** Pairs of the publish order (i before j) whose events are the other way round on the stream. */
    private static long inversions(List<String> publishOrder, List<String> onStream) {
        Map<String, Integer> position = positions(onStream);
        long inversions = 0;
        for (int i = 0; i < publishOrder.size(); i++) {
            int pi = position.get(publishOrder.get(i));
            for (int j = i + 1; j < publishOrder.size(); j++) {
                if (position.get(publishOrder.get(j)) < pi) {
                    inversions++;
                }
            }
        }
        return inversions;
    }

    private static void assertNoInversions(String what, List<String> publishOrder, List<String> onStream) {
        long inversions = inversions(publishOrder, onStream);
        System.out.printf("OrderingIT %s: %d out-of-order pairs%n", what, inversions);
        assertEquals(0, inversions, "pairs of " + what + " out of publish order on the stream");
    }
}
