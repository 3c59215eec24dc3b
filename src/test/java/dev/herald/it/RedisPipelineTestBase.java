package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.contract.ConsumerContract;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** What the tests that follow events onto Redis share: the built EAR, deployed for the class, and awaiting an entry. */
abstract class RedisPipelineTestBase extends RedisProbeTestBase {

    static final Duration PIPELINE = Duration.ofSeconds(60);
    /** Where every global event lands, whatever its type: the order of a tenant's events across types. */
    static final String WORKFLOW_STREAM = "workflow:events:global";

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    /** Waits for the stream entry that carries the event id. */
    static Map<String, String> awaitEntry(String stream, String eventId) throws InterruptedException {
        return Eventually.await(eventId + " on " + stream, PIPELINE,
                () -> redis.entries(stream).stream().filter(e -> eventId.equals(Events.id(e))).findFirst().orElse(null));
    }

    /** The tenant's entries on the workflow stream, in stream order. */
    static List<Map<String, String>> workflowEntriesOf(String tenant) {
        return redis.entries(WORKFLOW_STREAM).stream().filter(e -> tenant.equals(e.get("tenant"))).toList();
    }

    /** The tenant's event types in stream order, from the workflow stream. */
    static List<String> typesOfTenant(String tenant) {
        return workflowEntriesOf(tenant).stream().map(e -> e.get("event_type")).toList();
    }

    /**
     * Checks a domain operation's answer: its status and the event types it published, in order; adds them to
     * {@code expected} (when not null), the events the test then awaits on Redis.
     */
    static JsonObject expectEvents(int status, HeraldClient.Reply reply, List<String> expected, String... types) {
        assertEquals(status, reply.status(), reply.body());
        JsonObject body = reply.json();
        assertEquals(List.of(types), body.getJsonArray("eventTypes").getValuesAs(JsonString::getString), reply.body());
        if (expected != null) {
            expected.addAll(List.of(types));
        }
        return body;
    }

    /**
     * Every event of the tenant, as the existing consumers read it, passes their contract: its workflow-stream entry
     * and its envelope on its type's global stream.
     */
    static void assertTheConsumersAcceptEveryEventOf(String tenant) {
        List<Map<String, String>> workflowEntries = workflowEntriesOf(tenant);
        assertTrue(!workflowEntries.isEmpty(), "the tenant published nothing");
        Map<String, List<Map<String, String>>> streams = new HashMap<>();
        List<String> refused = new ArrayList<>();
        for (Map<String, String> entry : workflowEntries) {
            String type = entry.get("event_type");
            ConsumerContract.workflowEntryViolations(entry).forEach(v -> refused.add(type + " workflow entry: " + v));
            Map<String, String> onStream = streams.computeIfAbsent(type, t -> redis.entries("alga-psa:event-stream:global:" + t))
                    .stream().filter(e -> entry.get("event_id").equals(Events.id(e))).findFirst().orElse(null);
            if (onStream == null) {
                refused.add(type + " " + entry.get("event_id") + ": not on its type's stream");
            } else {
                ConsumerContract.envelopeViolations(onStream.get("event")).forEach(v -> refused.add(type + " envelope: " + v));
            }
        }
        assertEquals(List.of(), refused, "events the existing consumers would drop");
    }

    /** The payload of the first entry of that type. */
    static JsonObject firstPayload(List<Map<String, String>> entries, String type) {
        return TicketEventRelayIT.parse(entries.stream().filter(e -> e.get("event_type").equals(type)).findFirst()
                .orElseThrow().get("payload_json"));
    }
}
