package dev.herald.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed event with how it travels: the entity whose events keep their order ({@link #forAggregate}), the channels
 * beyond {@code global} it also goes to, and an idempotency key (the same key of the same tenant within the
 * configured window is published once).
 */
public record Outgoing(HeraldEvent event, Optional<String> aggregateId, List<String> channels,
                       Optional<String> idempotencyKey) {

    public Outgoing {
        Objects.requireNonNull(event, "event");
        aggregateId = aggregateId == null ? Optional.empty() : aggregateId;
        channels = channels == null ? List.of() : List.copyOf(channels);
        idempotencyKey = idempotencyKey == null ? Optional.empty() : idempotencyKey;
    }

    public static Outgoing of(HeraldEvent event) {
        return new Outgoing(event, Optional.empty(), List.of(), Optional.empty());
    }

    /** Events of one entity of a tenant are relayed in the order they were published. */
    public Outgoing forAggregate(String entityId) {
        return new Outgoing(event, Optional.of(entityId), channels, idempotencyKey);
    }

    /** The channels the event goes to; {@code global} (the default, and the one workflows read) must be listed too. */
    public Outgoing onChannels(String... names) {
        return new Outgoing(event, aggregateId, List.of(names), idempotencyKey);
    }

    public Outgoing withIdempotencyKey(String key) {
        return new Outgoing(event, aggregateId, channels, Optional.ofNullable(key));
    }
}
