package dev.herald.probes.web;

import dev.herald.publish.DomainEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** An event a probe is asked to publish: the body of {@code POST /api/events}, in the caller's tenant. */
public record ProbeEvent(String eventType, JsonObject payload, String aggregateKey, List<String> channels,
                         String idempotencyKey) {

    /** The event with the caller's tenant in its payload (403 when the payload names another tenant). */
    public DomainEvent inTenantOf(ProbeCaller caller) {
        JsonValue named = payload == null ? null : payload.get("tenantId");
        String tenant = caller.ownTenant(named instanceof JsonString text ? text.getString() : null);
        JsonObject body = payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload;
        if (named == null || named instanceof JsonString) { // not a string: the schema check reports it
            body = Json.createObjectBuilder(body).add("tenantId", tenant).build();
        }
        return new DomainEvent(eventType == null ? "" : eventType, body, Optional.ofNullable(aggregateKey), channels,
                Optional.ofNullable(idempotencyKey));
    }
}
