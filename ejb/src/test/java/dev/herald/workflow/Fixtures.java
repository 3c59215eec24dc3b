package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A small definition and event builders shared by the workflow tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {
    }

    /** open --ASSIGN--> assigned --CLOSE--> closed, with a counter the NOTE event replaces. */
    static WorkflowDefinition tickets() {
        return new WorkflowDefinition("tickets", 1, "open",
                Map.of("open", ExecutionStatus.WAITING, "assigned", ExecutionStatus.RUNNING, "closed", ExecutionStatus.COMPLETED),
                List.of(new Transition("open", "ASSIGN", "assigned", null, MergeRule.merge("assignee")),
                        new Transition("assigned", "NOTE", "assigned", null, MergeRule.MERGE_ALL),
                        new Transition("assigned", "ASSIGN", "assigned", null, MergeRule.merge("assignee")),
                        new Transition("assigned", "CLOSE", "closed", null, MergeRule.KEEP_DATA)),
                List.of(new Trigger("TICKET_CREATED", null, null, "ticketId")));
    }

    static JsonObject json(String text) {
        return WireJson.parseObject(text);
    }

    static WorkflowEvent started(String data) {
        return WorkflowEvent.started(json(data), T0);
    }

    static WorkflowEvent event(long sequence, String name, String payload) {
        return new WorkflowEvent(sequence, name, json(payload), T0.plusSeconds(sequence));
    }

    /** Start plus {@code count} NOTE events (after one ASSIGN) numbering {@code n} in the data. */
    static List<WorkflowEvent> journal(int count) {
        List<WorkflowEvent> events = new java.util.ArrayList<>();
        events.add(started("{\"ticketId\":\"t-1\"}"));
        events.add(event(1, "ASSIGN", "{\"assignee\":\"ann\"}"));
        for (int i = 2; i < count + 2; i++) {
            events.add(event(i, "NOTE", "{\"n\":" + i + "}"));
        }
        return events;
    }
}
