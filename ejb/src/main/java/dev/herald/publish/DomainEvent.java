package dev.herald.publish;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as business code hands it to the {@link EventPublisher}: a type, its payload, and optionally the
 * aggregate whose events must keep their order, the channels beyond {@code global} it goes to, and an idempotency
 * key (the same key of the same tenant within the configured window is published once). A simulated event (fired
 * from the simulator) carries that mark on the wire, so consumers can tell it from one business code emitted.
 * The channels are kept as given, nulls and repeats included, so that the publisher's refusal can point at the
 * index the caller used ({@link ChannelPolicy}); {@link #distinctChannels()} are the ones an accepted event goes to.
 * {@code version} is the version of the type's payload schema the payload follows (1 unless a typed record of a later
 * version was published); which versions reach the wire is {@code herald.wire.versions}' business ({@link WireFanOut}).
 */
public record DomainEvent(String eventType, JsonObject payload, Optional<String> aggregateKey, List<String> channels,
                          Optional<String> idempotencyKey, boolean simulated, int version) {

    public static final String GLOBAL_CHANNEL = "global";
    /** The longest aggregate key, and channel list joined by commas, an event may carry: what a relay failure stores. */
    public static final int MAX_AGGREGATE_KEY = 200;
    public static final int MAX_CHANNEL_LIST = 1000;

    public DomainEvent {
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(payload, "payload");
        aggregateKey = aggregateKey == null ? Optional.empty() : aggregateKey.filter(k -> !k.isBlank());
        channels = channels == null || channels.isEmpty() ? List.of(GLOBAL_CHANNEL) : Collections.unmodifiableList(new ArrayList<>(channels));
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey.filter(k -> !k.isBlank());
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    public DomainEvent(String eventType, JsonObject payload, Optional<String> aggregateKey, List<String> channels,
                       Optional<String> idempotencyKey, boolean simulated) {
        this(eventType, payload, aggregateKey, channels, idempotencyKey, simulated, 1);
    }

    public DomainEvent(String eventType, JsonObject payload, Optional<String> aggregateKey, List<String> channels,
                       Optional<String> idempotencyKey) {
        this(eventType, payload, aggregateKey, channels, idempotencyKey, false);
    }

    public static DomainEvent of(String eventType, JsonObject payload) {
        return new DomainEvent(eventType, payload, Optional.empty(), List.of(), Optional.empty());
    }

    /** Events of one aggregate (tenant + entity id) are relayed in the order they were published. */
    public DomainEvent forAggregate(String tenantId, String entityId) {
        return new DomainEvent(eventType, payload, Optional.of(tenantId + ":" + entityId), channels, idempotencyKey, simulated, version);
    }

    /** The channels the event goes to, each once in the order first listed; {@code global} feeds the workflow stream. */
    public List<String> distinctChannels() {
        return List.copyOf(new LinkedHashSet<>(channels));
    }

    public DomainEvent onChannels(List<String> names) {
        return new DomainEvent(eventType, payload, aggregateKey, names, idempotencyKey, simulated, version);
    }

    public DomainEvent withIdempotencyKey(String key) {
        return new DomainEvent(eventType, payload, aggregateKey, channels, Optional.ofNullable(key), simulated, version);
    }

    public DomainEvent withPayload(JsonObject replacement) {
        return new DomainEvent(eventType, replacement, aggregateKey, channels, idempotencyKey, simulated, version);
    }

    /** The same event, its payload following version {@code payloadVersion} of the type's schema. */
    public DomainEvent inVersion(int payloadVersion) {
        return new DomainEvent(eventType, payload, aggregateKey, channels, idempotencyKey, simulated, payloadVersion);
    }

    /** The same event, marked as fired from the simulator. */
    public DomainEvent asSimulated() {
        return new DomainEvent(eventType, payload, aggregateKey, channels, idempotencyKey, true, version);
    }

    public String tenantId() {
        return payload.getString("tenantId", "");
    }
}
