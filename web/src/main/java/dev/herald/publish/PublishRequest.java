package dev.herald.publish;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** An event as an HTTP client asks for it to be published. */
public record PublishRequest(String eventType, JsonObject payload, String aggregateKey, List<String> channels,
                             String idempotencyKey) {

    DomainEvent toDomainEvent() {
        return new DomainEvent(eventType == null ? "" : eventType, payload == null ? JsonObject.EMPTY_JSON_OBJECT : payload,
                Optional.ofNullable(aggregateKey), channels, Optional.ofNullable(idempotencyKey));
    }
}
