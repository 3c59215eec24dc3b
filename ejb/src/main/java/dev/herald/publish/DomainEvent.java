package dev.herald.publish;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as business code hands it to the {@link EventPublisher}: a type, its payload, and optionally the
 * aggregate whose events must keep their order and the channels beyond {@code global} it goes to.
 */
public record DomainEvent(String eventType, JsonObject payload, Optional<String> aggregateKey, List<String> channels) {

    public static final String GLOBAL_CHANNEL = "global";

    public DomainEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        aggregateKey = aggregateKey == null ? Optional.empty() : aggregateKey;
        channels = channels == null || channels.isEmpty() ? List.of(GLOBAL_CHANNEL) : List.copyOf(channels);
    }

    public static DomainEvent of(String eventType, JsonObject payload) {
        return new DomainEvent(eventType, payload, Optional.empty(), List.of());
    }

    /** Events of one aggregate (tenant + entity id) are relayed in the order they were published. */
    public DomainEvent forAggregate(String tenantId, String entityId) {
        return new DomainEvent(eventType, payload, Optional.of(tenantId + ":" + entityId), channels);
    }
}
