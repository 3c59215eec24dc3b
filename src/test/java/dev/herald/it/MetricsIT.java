package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event path's metrics at /metrics, as Prometheus scrapes them. Counters are global to the server, so every test
 * reads them before and after and checks the difference.
 *
 * <p>The IT server keeps /metrics closed (Liberty's administrator role, which it grants to nobody; OperationalEndpointsIT
 * checks that), so this class opens it for its own tests with a configuration override that sets
 * {@code herald.metrics.authentication} false, and closes it again afterwards, waiting until an anonymous scrape is
 * refused, so the server is left as it was found.
 */
class MetricsIT extends RedisPipelineTestBase {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String ISOLATION_STREAM = "alga-psa:event-stream:subscriber-isolation:TICKET_CREATED";
    private static final HeraldClient ANONYMOUS = new HeraldClient();
    private static final HeraldClient OPERATOR = HeraldClient.operator();

    static Path openMetricsOverride() {
        return Path.of("target/liberty/wlp/usr/servers", System.getProperty("it.server.name", "itServer"),
                "configDropins/overrides/metrics-it-open.xml");
    }

    @BeforeAll
    static void openMetrics() throws Exception {
        Path file = openMetricsOverride();
        assertTrue(Files.isDirectory(file.getParent()), "the IT server's overrides directory: " + file.getParent().toAbsolutePath());
        Files.writeString(file, """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by MetricsIT for its own tests and removed by it afterwards. -->
                <server>
                  <variable name="herald.metrics.authentication" value="false"/>
                </server>
                """);
        Eventually.await("an anonymous GET /metrics answered 200", WAIT, () -> scrapeStatus() == 200 ? true : null);
    }

    @AfterAll
    static void closeMetrics() throws Exception {
        Files.deleteIfExists(openMetricsOverride());
        Eventually.await("/metrics closed again", WAIT, () -> scrapeStatus() != 200 ? true : null);
    }

    private static int scrapeStatus() {
        try {
            return ANONYMOUS.get("metrics").status();
        } catch (Exception e) {
            return -1;
        }
    }

    /** One scrape: every herald_ sample, keyed by its line up to the value (name and labels as Prometheus shows them). */
    static Map<String, Double> scrape() throws Exception {
        HeraldClient.Reply reply = ANONYMOUS.get("metrics");
        assertEquals(200, reply.status(), reply.body());
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : reply.body().split("\n")) {
            if (line.startsWith("herald_")) {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space).trim(), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return samples;
    }

    /** The sum of the samples of that name whose labels include every given {@code key="value"}. */
    static double value(Map<String, Double> samples, String name, String... labels) {
        double sum = 0;
        for (Map.Entry<String, Double> sample : samples.entrySet()) {
            String key = sample.getKey();
            int brace = key.indexOf('{');
            String sampleName = brace < 0 ? key : key.substring(0, brace);
            if (sampleName.equals(name) && List.of(labels).stream().allMatch(key::contains)) {
                sum += sample.getValue();
            }
        }
        return sum;
    }

    static double now(String name, String... labels) {
        try {
            return value(scrape(), name, labels);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the counter has moved by at least {@code delta}, then checks it moved by exactly that much. */
    static void assertMovedBy(double before, double delta, String name, String... labels) throws Exception {
        Eventually.await(name + List.of(labels) + " +" + delta, WAIT, () -> now(name, labels) >= before + delta ? true : null);
        Thread.sleep(500);
        assertEquals(before + delta, now(name, labels), 0.0, name + List.of(labels));
    }

    @Test
    void tenEventsArePublishedAndRelayedOnEachChannelAndAnInvalidOneIsRefused() throws Exception {
        Map<String, Double> before = scrape();
        String type = "type=\"TICKET_CREATED\"";
        double published = value(before, "herald_events_published_total", type);
        double relayed = value(before, "herald_relay_relayed_total", type);
        double refused = value(before, "herald_events_refused_total");
        double timed = value(before, "herald_relay_publish_to_stream_seconds_count");
        double recorded = value(before, "herald_subscriber_deliveries_total", "subscriber=\"probe-recorder\"");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HeraldClient.Reply reply = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "global", "subscriber-it"));
            assertEquals(202, reply.status(), reply.body());
            ids.add(reply.json().getString("eventId"));
        }
        HeraldClient.Reply invalid = herald.post("api/events", Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", "not-a-uuid")).build());
        assertEquals(400, invalid.status(), invalid.body());
        for (String id : ids) {
            awaitEntry(TICKET_CREATED_STREAM, id);
        }

        assertMovedBy(published, 10, "herald_events_published_total", type);
        // The test server writes TICKET_CREATED in v1 and v2 (versions-it.xml): each version's envelope is written
        // to its own keys, so one count per event, channel and version, and one latency sample per envelope.
        assertMovedBy(relayed, 10 * 2 * 2, "herald_relay_relayed_total", type);
        assertMovedBy(timed, 10 * 2, "herald_relay_publish_to_stream_seconds_count");
        assertMovedBy(refused, 1, "herald_events_refused_total");
        assertMovedBy(recorded, 10, "herald_subscriber_deliveries_total", "subscriber=\"probe-recorder\"");
        Map<String, Double> after = scrape();
        after.keySet().stream().filter(k -> k.contains("TICKET_CREATED") || k.contains("publish_to_stream")
                        || k.contains("refused") || k.contains("probe-recorder"))
                .forEach(k -> System.out.printf("MetricsIT sample: %s %s%n", k, after.get(k)));
    }

    @Test
    void aRelayFailureIsCountedPerEventAndAPoisonedStreamDoesNotCountAsRelayed() throws Exception {
        String channel = "metrics-poison-" + UUID.randomUUID();
        // PROJECT_CREATED: one version on the wire, so the poisoned stream is the event's only write.
        String poisonStream = "alga-psa:event-stream:" + channel + ":PROJECT_CREATED";
        redis.setString(poisonStream, "not a stream"); // every XADD to it fails with WRONGTYPE
        double failures = now("herald_relay_failures_total");
        double relayed = now("herald_relay_relayed_total", "type=\"PROJECT_CREATED\"");

        String eventId = herald.post("api/events", Events.channels(Events.projectCreated(tenant), channel))
                .json().getString("eventId");
        Eventually.await("a relay failure counted", WAIT, () -> now("herald_relay_failures_total") >= failures + 1 ? true : null);
        assertEquals(relayed, now("herald_relay_relayed_total", "type=\"PROJECT_CREATED\""), 0.0,
                "nothing was written while the stream was poisoned");

        redis.delete(poisonStream); // the broker's next redelivery gets through
        awaitEntry(poisonStream, eventId);
        assertMovedBy(relayed, 1, "herald_relay_relayed_total", "type=\"PROJECT_CREATED\"");
    }

    /**
     * probe-succeeds, probe-throws and probe-hangs all take channel subscriber-isolation: one event there is handled
     * once by the first, fails or times out at each of the 3 deliveries the test server allows for the others, and is
     * then dead-lettered for them.
     */
    @Test
    void eachSubscribersDeliveriesFailuresTimeoutsAndDeadLettersAreCountedUnderItsId() throws Exception {
        String succeeds = "subscriber=\"probe-succeeds\"";
        String throwsAlways = "subscriber=\"probe-throws\"";
        String hangs = "subscriber=\"probe-hangs\"";
        Map<String, Double> before = scrape();
        double handled = value(before, "herald_subscriber_deliveries_total", succeeds);
        double failed = value(before, "herald_subscriber_failures_total", throwsAlways);
        double timedOut = value(before, "herald_subscriber_timeouts_total", hangs);
        double deadThrows = value(before, "herald_subscriber_dead_letters_total", throwsAlways);
        double deadHangs = value(before, "herald_subscriber_dead_letters_total", hangs);
        double deadSucceeds = value(before, "herald_subscriber_dead_letters_total", succeeds);

        String eventId = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "subscriber-isolation"))
                .json().getString("eventId");
        try {
            awaitEntry(ISOLATION_STREAM, eventId);
            assertMovedBy(deadThrows, 1, "herald_subscriber_dead_letters_total", throwsAlways);
            assertMovedBy(deadHangs, 1, "herald_subscriber_dead_letters_total", hangs);
            assertMovedBy(failed, 3, "herald_subscriber_failures_total", throwsAlways);
            assertMovedBy(timedOut, 3, "herald_subscriber_timeouts_total", hangs);
            assertMovedBy(handled, 1, "herald_subscriber_deliveries_total", succeeds);
            assertEquals(deadSucceeds, now("herald_subscriber_dead_letters_total", succeeds), 0.0,
                    "the subscriber that handled the event is not dead-lettered");
        } finally {
            HeraldClient.Reply released = OPERATOR.post("probes/subscribe/probe-hangs/" + eventId + "/release",
                    JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(200, released.status(), released.body());
        }
    }

    /** The value of the one sample of that name with exactly these labels (besides mp_scope); NaN when absent. */
    static double gauge(String name, String... labels) {
        Map<String, Double> samples;
        try {
            samples = scrape();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<Map.Entry<String, Double>> found = samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "{") && List.of(labels).stream().allMatch(e.getKey()::contains))
                .toList();
        assertTrue(found.size() <= 1, "one sample of " + name + List.of(labels) + ": " + found);
        return found.isEmpty() ? Double.NaN : found.get(0).getValue();
    }

    /**
     * The subscribers' group lags behind on a stream while the operator has paused the server's subscriber consumer,
     * and catches up once resumed: the lag gauge (from the operations sampler, every second on the IT server) rises
     * by the events written meanwhile and falls back to zero, and the operations endpoint shows the same figure.
     */
    @Test
    void theLagGaugeRisesWhileTheSubscribersArePausedAndFallsAfterTheyResume() throws Exception {
        String stream = "alga-psa:event-stream:subscriber-it:TICKET_CREATED";
        String[] group = {"group=\"herald-subscribers\"", "stream=\"" + stream + "\""};
        String recorder = "subscriber=\"probe-recorder\"";
        Eventually.await("the subscribers' group caught up on " + stream, WAIT,
                () -> gauge("herald_stream_lag", group) == 0 ? true : null);

        HeraldClient.Reply paused = OPERATOR.post("api/operations/subscribers/pause", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, paused.status(), paused.body());
        assertTrue(paused.json().getBoolean("paused"), paused.body());
        assertTrue(paused.json().getBoolean("idle"), "the round in progress ended before the answer: " + paused.body());
        double delivered;
        try {
            delivered = now("herald_subscriber_deliveries_total", recorder);
            for (int i = 0; i < 5; i++) {
                String eventId = herald.post("api/events", Events.channels(Events.ticketCreated(tenant), "subscriber-it"))
                        .json().getString("eventId");
                awaitEntry(stream, eventId);
            }
            Eventually.await("lag gauge at 5 while paused", WAIT, () -> gauge("herald_stream_lag", group) >= 5 ? true : null);
            assertEquals(5, gauge("herald_stream_lag", group), 0.0, "exactly the 5 events written while paused");
            jakarta.json.JsonObject snapshot = OPERATOR.get("api/operations/backlog").json();
            System.out.printf("MetricsIT operations sample: %d ms for %d streams with a group or dead letters%n",
                    snapshot.getJsonNumber("sampleMillis").longValue(), snapshot.getJsonArray("streams").size());
            JsonValue backlog = snapshot.getJsonArray("streams").stream()
                    .filter(s -> s.asJsonObject().getString("stream").equals(stream)).findFirst().orElseThrow();
            JsonValue subscribers = backlog.asJsonObject().getJsonArray("groups").stream()
                    .filter(g -> g.asJsonObject().getString("group").equals("herald-subscribers")).findFirst().orElseThrow();
            assertEquals(5, subscribers.asJsonObject().getJsonNumber("lag").longValue(), backlog.toString());
            assertEquals("TICKET_CREATED", backlog.asJsonObject().getString("eventType"), backlog.toString());
            assertEquals(delivered, now("herald_subscriber_deliveries_total", recorder), 0.0, "nothing delivered while paused");
        } finally {
            HeraldClient.Reply resumed = OPERATOR.post("api/operations/subscribers/resume", JsonValue.EMPTY_JSON_OBJECT);
            assertEquals(200, resumed.status(), resumed.body());
        }
        Eventually.await("lag gauge back at 0 after resuming", WAIT, () -> gauge("herald_stream_lag", group) == 0 ? true : null);
        assertMovedBy(delivered, 5, "herald_subscriber_deliveries_total", recorder);
        assertEquals(0, gauge("herald_stream_pending", group), 0.0, "every delivered entry acknowledged");
    }

    @Test
    void theOperationsEndpointsAreForOperatorsOnly() throws Exception {
        HeraldClient tenantAdmin = HeraldClient.of(tenant, "admin");
        assertEquals(403, tenantAdmin.get("api/operations/backlog").status());
        assertEquals(403, tenantAdmin.post("api/operations/subscribers/pause", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(false, OPERATOR.get("api/operations/subscribers").json().getBoolean("paused"));
    }

    @Test
    void theCountersAreTypedAndDescribedForPrometheus() throws Exception {
        String body = ANONYMOUS.get("metrics").body();
        // The untagged ones are registered at deployment; a tagged one appears with its first tag value.
        for (String counter : List.of("herald_events_refused_total", "herald_relay_failures_total",
                "herald_relay_dead_lettered_total", "herald_relay_replayed_total", "herald_retention_trimmed_total")) {
            assertTrue(body.contains("# TYPE " + counter + " counter"), counter + " in\n" + herald(body));
        }
        // Registered with the operations sampler's first snapshot (a second on the IT server).
        for (String gauge : List.of("herald_workflow_queue_depth", "herald_workflow_queue_dead",
                "herald_workflow_trigger_lag", "herald_stream_lag", "herald_stream_pending")) {
            Eventually.await(gauge + " registered", WAIT,
                    () -> scrapeBody().contains("# TYPE " + gauge + " gauge") ? true : null);
        }
        assertTrue(body.contains("# TYPE herald_relay_publish_to_stream_seconds summary"), herald(body));
        System.out.println("MetricsIT metadata:\n" + herald(body));
    }

    private static String scrapeBody() {
        try {
            return ANONYMOUS.get("metrics").body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String herald(String body) {
        return String.join("\n", body.lines().filter(l -> l.contains("herald_")).filter(l -> l.startsWith("#")).toList());
    }

}
