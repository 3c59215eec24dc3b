package dev.herald.simulate;

import dev.herald.kernel.WireJson;
import dev.herald.workflow.TriggeredWorkflow;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * The answer to a valid simulation: the enriched payload the event carries (or would carry, for a dry run), its id
 * once published, and the workflows it reaches.
 */
public record SimulationResult(String simulationId, String eventType, Optional<String> eventId, boolean dryRun,
                               JsonObject payload, List<TriggeredWorkflow> matchedTriggers) {

    public SimulationResult {
        matchedTriggers = List.copyOf(matchedTriggers);
    }

    public boolean published() {
        return eventId.isPresent();
    }

    /** {@code {"simulationId","eventId"?,"eventType","dryRun","published","payload","matchedTriggers"}}. */
    public JsonObject toJson() {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder().add("simulationId", simulationId);
        eventId.ifPresent(id -> json.add("eventId", id));
        JsonArrayBuilder triggers = WireJson.builders().createArrayBuilder();
        matchedTriggers.forEach(t -> triggers.add(t.toJson()));
        return json.add("eventType", eventType)
                .add("dryRun", dryRun)
                .add("published", published())
                .add("payload", payload)
                .add("matchedTriggers", triggers)
                .build();
    }
}
