package dev.herald.simulate;

import dev.herald.kernel.WireTime;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** A recorded simulation as the tenant's list shows it; {@code eventId} is null unless it was published. */
public record SimulationView(String simulationId, String eventType, String eventId, String user, Instant at, boolean dryRun,
                             SimulationOutcome outcome, int issueCount) {

    /** {@code {"simulationId","eventType","eventId","user","at","dryRun","outcome","issueCount"}}, null members as JSON null. */
    public JsonObject toJson() {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder()
                .add("simulationId", simulationId)
                .add("eventType", eventType);
        nullable(json, "eventId", eventId);
        nullable(json, "user", user);
        return json.add("at", WireTime.text(at))
                .add("dryRun", dryRun)
                .add("outcome", outcome.name())
                .add("issueCount", issueCount)
                .build();
    }

    private static void nullable(JsonObjectBuilder json, String name, String value) {
        if (value == null) {
            json.addNull(name);
        } else {
            json.add(name, value);
        }
    }
}
