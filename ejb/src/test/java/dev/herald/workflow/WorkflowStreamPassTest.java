package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class WorkflowStreamPassTest {

    private static final class FakeStream implements WorkflowStreamPass.Stream {
        final Map<String, Map<String, String>> idle = new LinkedHashMap<>();
        final Map<String, Map<String, String>> fresh = new LinkedHashMap<>();
        final List<String> acked = new ArrayList<>();

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
        WorkflowStreamPass.Result result = new WorkflowStreamPass(stream, e -> seen.add(e.eventId()), 10).run(() -> false);
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
        assertEquals(new WorkflowStreamPass.Result(1, 1, 0), new WorkflowStreamPass(stream, handler, 10).run(() -> false));
        assertEquals(List.of("2-0"), stream.acked);
    }

    @Test
    void unusableEntryIsAcknowledgedWithoutReachingTheHandler() {
        FakeStream stream = new FakeStream();
        Map<String, String> broken = entry("e-1", "TICKET_CREATED");
        broken.put("payload_json", "[1,2]");
        stream.fresh.put("1-0", broken);
        List<String> seen = new ArrayList<>();
        assertEquals(new WorkflowStreamPass.Result(0, 0, 1), new WorkflowStreamPass(stream, e -> seen.add(e.eventId()), 10)
                .run(() -> false));
        assertEquals(List.of(), seen);
        assertEquals(List.of("1-0"), stream.acked);
    }

    @Test
    void stoppingPassLeavesTheRestUnacknowledged() {
        FakeStream stream = new FakeStream();
        stream.fresh.put("1-0", entry("e-1", "TICKET_CREATED"));
        assertEquals(new WorkflowStreamPass.Result(0, 0, 0), new WorkflowStreamPass(stream, e -> { }, 10).run(() -> true));
        assertEquals(List.of(), stream.acked);
    }
}
