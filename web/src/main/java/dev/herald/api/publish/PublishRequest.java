package dev.herald.api.publish;

import dev.herald.kernel.WireJson;
import dev.herald.publish.DomainEvent;
import dev.herald.api.auth.Caller;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** An event as an HTTP client asks for it to be published. */
public record PublishRequest(String eventType, JsonObject payload, String aggregateKey, List<String> channels,
                             String idempotencyKey) {

    /**
     * The request with the caller's tenant in its payload.
     *
     * @throws jakarta.ws.rs.ForbiddenException when the payload names another tenant
     */
    public PublishRequest inTenant(Caller caller) {
        JsonValue named = payload == null ? null : payload.get("tenantId");
        String tenant = caller.ownTenant(named instanceof JsonString text ? text.getString() : null);
        if (named != null && !(named instanceof JsonString)) {
            return this; // not a string: the schema check reports it
        }
        JsonObject withTenant = WireJson.json().createObjectBuilder(payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload)
                .add("tenantId", tenant).build();
        return new PublishRequest(eventType, withTenant, aggregateKey, channels, idempotencyKey);
    }

    public DomainEvent toDomainEvent() {
        return new DomainEvent(eventType == null ? "" : eventType, payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload,
                Optional.ofNullable(aggregateKey), channels, Optional.ofNullable(idempotencyKey));
    }
}
