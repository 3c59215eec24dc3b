package dev.herald.api.simulate;

import dev.herald.api.auth.Caller;
import dev.herald.publish.DomainEvent;
import dev.herald.api.publish.PublishRequest;
import jakarta.json.JsonObject;

/**
 * An event a person fires from the simulator: its type, its payload, and whether to send it or only try it. Only
 * {@code "dryRun": false} publishes: a simulator is for trying, so a request that does not say it means to publish
 * does not (a dryRun that is not a JSON boolean never gets here, see StrictBodies).
 */
public record SimulationRequest(String eventType, JsonObject payload, Boolean dryRun) {

    /**
     * The event in the caller's tenant, exactly as {@code POST /api/events} takes it in.
     *
     * @throws jakarta.ws.rs.ForbiddenException when the payload names another tenant
     */
    DomainEvent toDomainEvent(Caller caller) {
        return new PublishRequest(eventType, payload, null, null, null).inTenant(caller).toDomainEvent();
    }

    boolean isDryRun() {
        return !Boolean.FALSE.equals(dryRun);
    }
}
