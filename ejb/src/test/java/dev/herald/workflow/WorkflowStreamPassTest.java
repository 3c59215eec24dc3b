package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WorkflowStreamPassTest {

    private static final class FakeStream implements WorkflowStreamPass.Stream {
        final Map<String, Map<String, String>> idle = new LinkedHashMap<>();
        final Map<String, Map<String, String>> fresh = new LinkedHashMap<>();
        final List<String> acked = new ArrayList<>();
        final Map<String, Long> deliveries = new LinkedHashMap<>();
        final Map<String, String> deadLetters = new LinkedHashMap<>();

        @Override
        public Map<String, Map<String, String>> claimIdle(int count) {
            return idle;
        }

        @Override
        public Map<String, Map<String, String>> readNew(int count) {
            return fresh;
        }

        @Override
        public void ack(String id) {
            acked.add(id);
        }

        @Override
        public Map<String, Long> deliveries(Set<String> ids) {
            Map<String, Long> asked = new LinkedHashMap<>(deliveries);
            asked.keySet().retainAll(ids);
            return asked;
        }

        @Override
        public void deadLetter(String id, Map<String, String> fields, long deliveries, String reason) {
            deadLetters.put(id, "delivery " + deliveries + ": " + reason);
        }
    }

    private static WorkflowStreamPass pass(FakeStream stream, Consumer<WorkflowStreamEntry> handler) {
        return new WorkflowStreamPass(stream, handler, 10, 3);
    }

    static Map<String, String> entry(String eventId, String type) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", eventId);
        fields.put("execution_id", "");
        fields.put("workflow_correlation_key", "");
        fields.put("event_name", type);
        fields.put("event_type", type);
        fields.put("tenant", "acme");
        fields.put("timestamp", "2026-03-01T10:00:00.000Z");
        fields.put("user_id", "");
        fields.put("from_state", "");
        fields.put("to_state", "");
        fields.put("payload_json", "{\"tenantId\":\"acme\",\"ticketId\":\"t-1\"}");
        return fields;
    }

    @Test
    void handledEntriesAreAcknowledgedInStreamOrderReclaimedOnesFirst() {
        FakeStream stream = new FakeStream();
        stream.idle.put("1-0", entry("e-1", "TICKET_CREATED"));
        stream.fresh.put("2-0", entry("e-2", "TICKET_ASSIGNED"));
        List<String> seen = new ArrayList<>();
        WorkflowStreamPass.Result result = pass(stream, e -> seen.add(e.eventId())).run(() -> false);
        assertEquals(List.of("e-1", "e-2"), seen);
        assertEquals(List.of("1-0", "2-0"), stream.acked);
        assertEquals(new WorkflowStreamPass.Result(2, 0, 0), result);
    }

    @Test
    void failingEntryIsNotAcknowledgedAndTheNextOnesStillAre() {
        FakeStream stream = new FakeStream();
        stream.fresh.put("1-0", entry("e-1", "TICKET_CREATED"));
        stream.fresh.put("2-0", entry("e-2", "TICKET_CREATED"));
        Consumer<WorkflowStreamEntry> handler = e -> {
            if (e.eventId().equals("e-1")) {
                throw new IllegalStateException("database away");
            }
        };
        assertEquals(new WorkflowStreamPass.Result(1, 1, 0), pass(stream, handler).run(() -> false));
        assertEquals(List.of("2-0"), stream.acked);
    }

    @Test
    void unusableEntryIsDeadLetteredAtOnceWithoutReachingTheHandler() {
        FakeStream stream = new FakeStream();
        Map<String, String> broken = entry("e-1", "TICKET_CREATED");
        broken.put("payload_json", "[1,2]");
        stream.fresh.put("1-0", broken);
        List<String> seen = new ArrayList<>();
        assertEquals(new WorkflowStreamPass.Result(0, 0, 1), pass(stream, e -> seen.add(e.eventId()))
                .run(() -> false));
        assertEquals(List.of(), seen);
        assertEquals(List.of(), stream.acked, "the dead letter's move acknowledges it");
        assertTrue(stream.deadLetters.get("1-0").startsWith("delivery 1: unusable: payload_json is not a JSON object"),
                stream.deadLetters.toString());
    }

    @Test
    void failingEntryIsLeftPendingBeforeItsLastDeliveryAndDeadLetteredAtIt() {
        FakeStream stream = new FakeStream();
        stream.idle.put("1-0", entry("e-1", "TICKET_CREATED"));
        stream.idle.put("2-0", entry("e-2", "TICKET_CREATED"));
        stream.deliveries.put("1-0", 2L);
        stream.deliveries.put("2-0", 3L);
        stream.deliveries.put("9-0", 7L);
        Consumer<WorkflowStreamEntry> handler = e -> {
            throw new IllegalStateException("no such column");
        };
        assertEquals(new WorkflowStreamPass.Result(0, 1, 1), pass(stream, handler).run(() -> false));
        assertEquals(List.of(), stream.acked);
        assertEquals(Map.of("2-0", "delivery 3: failed at delivery 3 of 3: IllegalStateException: no such column"),
                stream.deadLetters);
    }

    @Test
    void maxDeliveriesBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new WorkflowStreamPass(new FakeStream(), e -> { }, 10, 0));
    }

    @Test
    void stoppingPassLeavesTheRestUnacknowledged() {
        FakeStream stream = new FakeStream();
        stream.fresh.put("1-0", entry("e-1", "TICKET_CREATED"));
        assertEquals(new WorkflowStreamPass.Result(0, 0, 0), pass(stream, e -> { }).run(() -> true));
        assertEquals(List.of(), stream.acked);
    }
}
