package dev.herald.versions;

import dev.herald.events.Downcaster;
import dev.herald.events.Upcaster;
import jakarta.json.JsonObject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The upcasters and downcasters of every event type, chained: v1 → v3 is v1 → v2, then v2 → v3. Built once from
 * the CDI beans ({@link EventVersionsProducer}); a plain value, so the chain is tested without a container.
 */
public final class EventVersions {

    /** No converters at all: every event stays in the version it was written in. */
    public static final EventVersions NONE = new EventVersions(List.of(), List.of());

    private record Step(String eventType, int from) {
    }

    private final Map<Step, Upcaster> upcasters = new HashMap<>();
    private final Map<Step, Downcaster> downcasters = new HashMap<>();

    /** @throws IllegalArgumentException when two converters claim the same step (which one ran would be chance) */
    public EventVersions(Collection<? extends Upcaster> ups, Collection<? extends Downcaster> downs) {
        for (Upcaster up : ups) {
            Upcaster other = upcasters.putIfAbsent(step(up.eventType(), up.fromVersion(), 1), up);
            if (other != null) {
                throw new IllegalArgumentException("two upcasters from " + up.eventType() + " v" + up.fromVersion()
                        + ": " + other.getClass().getName() + " and " + up.getClass().getName());
            }
        }
        for (Downcaster down : downs) {
            Downcaster other = downcasters.putIfAbsent(step(down.eventType(), down.fromVersion(), 2), down);
            if (other != null) {
                throw new IllegalArgumentException("two downcasters from " + down.eventType() + " v" + down.fromVersion()
                        + ": " + other.getClass().getName() + " and " + down.getClass().getName());
            }
        }
    }

    private static Step step(String eventType, int from, int lowest) {
        Objects.requireNonNull(eventType, "eventType");
        if (from < lowest) {
            throw new IllegalArgumentException(eventType + ": a converter cannot start at version " + from);
        }
        return new Step(eventType, from);
    }

    /**
     * The payload of version {@code from} in version {@code to}, through every step in between (the same payload
     * when the two are equal).
     *
     * @throws MissingConverterException naming the first step nobody converts
     */
    public JsonObject convert(String eventType, int from, int to, JsonObject payload) {
        JsonObject current = payload;
        for (int v = from; v != to; v += to > from ? 1 : -1) {
            current = stepFrom(eventType, v, to > from).apply(current);
        }
        return current;
    }

    /** Whether {@link #convert} has every step from {@code from} to {@code to}. */
    public boolean canConvert(String eventType, int from, int to) {
        for (int v = from; v != to; v += to > from ? 1 : -1) {
            Step step = new Step(eventType, v);
            if (to > from ? !upcasters.containsKey(step) : !downcasters.containsKey(step)) {
                return false;
            }
        }
        return true;
    }

    private UnaryOperator<JsonObject> stepFrom(String eventType, int version, boolean up) {
        Step step = new Step(eventType, version);
        if (up) {
            Upcaster upcaster = upcasters.get(step);
            if (upcaster == null) {
                throw new MissingConverterException(eventType, version, version + 1);
            }
            return upcaster::upcast;
        }
        Downcaster downcaster = downcasters.get(step);
        if (downcaster == null) {
            throw new MissingConverterException(eventType, version, version - 1);
        }
        return downcaster::downcast;
    }
}
