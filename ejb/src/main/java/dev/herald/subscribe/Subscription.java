package dev.herald.subscribe;

import java.util.List;
import java.util.Set;

/**
 * One discovered subscriber: its id, the event types and channel it reads, the tenants it is restricted to (empty:
 * all), the property that switches it on (empty: always on), and the observer method, for log lines.
 */
public record Subscription(String id, List<String> types, String channel, Set<String> tenants, String enabledBy,
                           String observer) {

    public Subscription {
        types = List.copyOf(types);
        tenants = Set.copyOf(tenants);
    }

    public static Subscription of(Subscribe annotation, String observer) {
        return new Subscription(annotation.id(), List.of(annotation.types()), annotation.channel(),
                Set.of(annotation.tenants()), annotation.enabledBy(), observer);
    }

    /** Whether an event of this tenant is for the subscriber; one it is not for counts as handled. */
    public boolean accepts(String tenantId) {
        return tenants.isEmpty() || tenants.contains(tenantId);
    }
}
