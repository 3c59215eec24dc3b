package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What a hostile client tried on publishing and the catalog: channel names that would become arbitrary Redis keys,
 * strings longer than their columns, nulls inside lists, and concurrent writes of one row or one idempotency key.
 * Every answer is a problem of its own status, never a 500, and nothing of a refused request reaches Redis.
 */
class PublishHardeningIT extends RedisPipelineTestBase {

    private static final int CONCURRENT_REQUESTS = 40;

    @Test
    void aChannelNameThatIsNoValidNameIsA400AndCreatesNoStream() throws Exception {
        List<String> invalid = List.of("*", "../x", "a\r\nb", "a".repeat(10_000), "Upper", "", " ", "-leading", "a".repeat(65),
                "global:x", "with space");
        for (String name : invalid) {
            HeraldClient.Reply reply = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "global", name));
            assertEquals(List.of("/channels/1"), pointers(reply, 400), "channel '" + abbreviated(name) + "': " + reply.body());
        }
        publishBarrierAndAwait();
        for (String name : invalid) {
            assertEquals(0, redis.client().getKeys().countExists("alga-psa:event-stream:" + name + ":TICKET_CREATED"),
                    "a stream for channel '" + abbreviated(name) + "'");
        }
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
    }

    @Test
    void aValidChannelNameAtTheLimitIsPublished() throws Exception {
        String longest = "c" + UUID.randomUUID().toString().replace("-", "") + "-".repeat(31);
        assertEquals(64, longest.length());
        HeraldClient.Reply reply = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "global", longest));
        assertEquals(202, reply.status(), reply.body());
        awaitEntry("alga-psa:event-stream:" + longest + ":TICKET_CREATED", reply.json().getString("eventId"));
    }

    @Test
    void tooManyChannelsIsA400() throws Exception {
        String[] channels = new String[11];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = "many-" + i + "-" + UUID.randomUUID();
        }
        HeraldClient.Reply reply = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), channels));
        assertEquals(List.of("/channels"), pointers(reply, 400), reply.body());
        publishBarrierAndAwait();
        for (String name : channels) {
            assertEquals(0, redis.client().getKeys().countExists("alga-psa:event-stream:" + name + ":TICKET_CREATED"), name);
        }
    }

    @Test
    void anInvalidChannelInABatchIsNamedByTheEventsIndex() throws Exception {
        JsonValue batch = Json.createArrayBuilder().add(Events.ticketCreated(tenant)).add(Events.ticketCreated(tenant))
                .add(Events.channels(Events.ticketCreated(tenant), "../x")).build();
        assertEquals(List.of("/2/channels/0"), pointers(herald.post("api/events/batch", batch), 400));
    }

    @Test
    void aNullInsideChannelsIsA400NamingItsIndex() throws Exception {
        JsonObject request = Events.ticketCreated(tenant)
                .add("channels", Json.createArrayBuilder().add("global").addNull()).build();
        assertEquals(List.of("/channels/1"), pointers(herald.post("api/events", request), 400));
    }

    @Test
    void aNullInsideABatchIsA400NamingItsIndex() throws Exception {
        assertEquals(List.of("/0"), pointers(herald.post("api/events/batch", Json.createArrayBuilder().addNull().build()), 400));
        JsonValue second = Json.createArrayBuilder().add(Events.ticketCreated(tenant)).addNull().build();
        assertEquals(List.of("/1"), pointers(herald.post("api/events/batch", second), 400));
        publishBarrierAndAwait();
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
    }

    @Test
    void anIdempotencyOrAggregateKeyLongerThanItsColumnIsA400NamingTheField() throws Exception {
        HeraldClient.Reply key = herald.post("api/events", Events.ticketCreated(tenant).add("idempotencyKey", "k".repeat(201)).build());
        assertEquals(List.of("/idempotencyKey"), pointers(key, 400), key.body());
        HeraldClient.Reply aggregate = herald.post("api/events", Events.ticketCreated(tenant).add("aggregateKey", "a".repeat(201)).build());
        assertEquals(List.of("/aggregateKey"), pointers(aggregate, 400), aggregate.body());
        publishBarrierAndAwait();
        assertEquals(1, Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant).size(), "only the barrier");
    }

    @Test
    void aTitleLongerThanItsColumnIsA400NamingTheField() throws Exception {
        JsonObject ticket = Json.createObjectBuilder().add("tenantId", tenant).add("ticketNumber", "T-1")
                .add("title", "t".repeat(501)).build();
        assertTooLong(herald.post("api/tickets", ticket), "title", 500);
        assertEquals(0, herald.get("api/tickets/count").json().getInt("count"), "no ticket stored");
    }

    @Test
    void customEntryFieldsLongerThanTheirColumnsAreA400NamingTheField() throws Exception {
        assertTooLong(herald.post("api/catalog/custom", customEntry("x".repeat(201), "Widgets", "fine")), "displayName", 200);
        assertTooLong(herald.post("api/catalog/custom", customEntry("Widget shipped", "c".repeat(101), "fine")), "category", 100);
        HeraldClient.Reply defined = herald.post("api/catalog/custom", customEntry("Widget shipped", "Widgets", "fine"));
        assertEquals(201, defined.status(), defined.body());
        assertTooLong(herald.put("api/catalog/custom/WIDGET_SHIPPED", customEntry("Widget shipped", "Widgets", "d".repeat(2001))),
                "description", 2000);
        assertEquals("fine", herald.get("api/catalog/WIDGET_SHIPPED").json().getString("description"), "the entry is unchanged");
    }

    @Test
    void concurrentUpdatesOfOneCustomEntryAreEither200Or409NeverA500() throws Exception {
        HeraldClient.Reply defined = herald.post("api/catalog/custom", customEntry("Widget shipped", "Widgets", "version 0"));
        assertEquals(201, defined.status(), defined.body());
        for (int round = 1; round <= 3; round++) {
            int r = round;
            List<HeraldClient.Reply> replies = concurrently(i -> herald.put("api/catalog/custom/WIDGET_SHIPPED",
                    customEntry("Widget shipped", "Widgets", "round " + r + " writer " + i)));
            assertTrue(statuses(replies).keySet().stream().allMatch(s -> s == 200 || s == 409), "round " + round + ": " + statuses(replies));
            assertTrue(replies.stream().anyMatch(reply -> reply.status() == 200), "round " + round + ": " + statuses(replies));
            replies.stream().filter(reply -> reply.status() == 409)
                    .forEach(reply -> assertEquals(409, reply.json().getInt("status"), reply.body()));
        }
    }

    @Test
    void twoConcurrentRequestsWithOneIdempotencyKeyPublishOnce() throws Exception {
        List<String> published = new ArrayList<>();
        for (int round = 1; round <= 5; round++) {
            JsonObject request = Events.ticketCreated(tenant).add("aggregateKey", orderedAfterTheBarrier())
                    .add("idempotencyKey", "order-" + round).build();
            List<HeraldClient.Reply> replies = concurrently(i -> herald.post("api/events", request));
            assertTrue(statuses(replies).keySet().stream().allMatch(s -> s == 202 || s == 409), "round " + round + ": " + statuses(replies));
            Set<String> ids = replies.stream().filter(reply -> reply.status() == 202)
                    .map(reply -> reply.json().getString("eventId")).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "round " + round + ": every accepted request names the one event: " + ids);
            published.addAll(ids);
        }
        String barrier = publishBarrierAndAwait();
        List<String> onStream = Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant);
        List<String> expected = new ArrayList<>(published);
        expected.add(barrier);
        assertEquals(expected, onStream, "each key's event once, then the barrier");
    }

    private interface Request {
        HeraldClient.Reply send(int index) throws Exception;
    }

    /** Sends the requests from as many threads, released together so that they really overlap on the server. */
    private static List<HeraldClient.Reply> concurrently(Request request) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        try {
            CountDownLatch ready = new CountDownLatch(CONCURRENT_REQUESTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HeraldClient.Reply>> futures = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                int index = i;
                Callable<HeraldClient.Reply> task = () -> {
                    ready.countDown();
                    go.await();
                    return request.send(index);
                };
                futures.add(threads.submit(task));
            }
            ready.await();
            go.countDown();
            List<HeraldClient.Reply> replies = new ArrayList<>();
            for (Future<HeraldClient.Reply> future : futures) {
                replies.add(future.get());
            }
            return replies;
        } finally {
            threads.shutdownNow();
        }
    }

    private static TreeMap<Integer, Long> statuses(List<HeraldClient.Reply> replies) {
        return replies.stream().collect(Collectors.groupingBy(HeraldClient.Reply::status, TreeMap::new, Collectors.counting()));
    }

    /** The pointers of an invalid-event problem's issues, after checking it is one of that status. */
    private static List<String> pointers(HeraldClient.Reply reply, int status) {
        assertEquals(status, reply.status(), reply.body());
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), reply.body());
        assertEquals("urn:herald:problem:invalid-event", problem.getString("type"), reply.body());
        return problem.getJsonArray("issues").stream().map(i -> i.asJsonObject().getString("pointer")).toList();
    }

    private static void assertTooLong(HeraldClient.Reply reply, String field, int maxLength) {
        assertEquals(400, reply.status(), reply.body());
        JsonObject problem = reply.json();
        assertEquals("urn:herald:problem:value-too-long", problem.getString("type"), reply.body());
        assertEquals(field, problem.getString("field"), reply.body());
        assertEquals(maxLength, problem.getInt("maxLength"), reply.body());
        assertTrue(problem.getString("detail").contains(field), reply.body());
    }

    private static JsonObject customEntry(String displayName, String category, String description) {
        JsonObjectBuilder properties = Json.createObjectBuilder().add("tenantId", Json.createObjectBuilder().add("type", "string"));
        JsonArrayBuilder required = Json.createArrayBuilder().add("tenantId");
        return Json.createObjectBuilder().add("eventType", "WIDGET_SHIPPED").add("displayName", displayName)
                .add("category", category).add("description", description)
                .add("schema", Json.createObjectBuilder().add("type", "object").add("required", required).add("properties", properties))
                .build();
    }

    /** The aggregate of the barrier: events of one aggregate are relayed in order, so every one sent before it is relayed first. */
    private String orderedAfterTheBarrier() {
        return "barrier:" + tenant;
    }

    /** An event published after the test's requests: once it is on the stream, the relay has passed anything sent before. */
    private String publishBarrierAndAwait() throws Exception {
        String barrier = herald.post("api/events", Events.ticketCreated(tenant).add("aggregateKey", orderedAfterTheBarrier()).build())
                .json().getString("eventId");
        awaitEntry(TICKET_CREATED_STREAM, barrier);
        return barrier;
    }

    private static String abbreviated(String name) {
        return name.length() <= 20 ? name : name.substring(0, 20) + "... (" + name.length() + " characters)";
    }
}
