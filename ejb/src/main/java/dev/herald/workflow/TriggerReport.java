package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Which workflows an event type or an event reaches, decided by the same {@link TriggerMatcher} over the same newest
 * definitions that {@link WorkflowTriggers} acts on, so what the catalog and the simulator report is what the
 * workflow stream consumer then does. Reports only; it starts and resumes nothing.
 */
public final class TriggerReport {

    private final TriggerMatcher matcher;

    public TriggerReport(WorkflowDefinitions definitions) {
        this.matcher = new TriggerMatcher(definitions.newest());
    }

    /** The definitions whose triggers listen to the type in the tenant, whatever an event's payload would hold. */
    public List<TriggeredWorkflow> forType(String eventType, String tenant) {
        return matcher.triggersOn(eventType, tenant).stream().map(TriggeredWorkflow::start).toList();
    }

    /**
     * What this event would do: the executions it starts, then the correlations under which waiting executions may
     * take it (whether one exists and accepts it is decided when the event arrives).
     */
    public List<TriggeredWorkflow> forEvent(String eventType, String tenant, JsonObject payload) {
        List<TriggeredWorkflow> reached = new ArrayList<>();
        matcher.starts(eventType, tenant, payload).forEach(match -> reached.add(TriggeredWorkflow.start(match)));
        // The workflow stream's event name is the event type (wire-format.md section 3), which resumes match on.
        matcher.resumes(eventType, tenant, payload).forEach(correlation -> reached.add(TriggeredWorkflow.resume(correlation)));
        return List.copyOf(reached);
    }
}
