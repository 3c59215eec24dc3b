package dev.herald.metrics;

import dev.herald.operations.EventCounts;
import dev.herald.operations.EventTotals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The event path's counters ({@link RegistryEventMetrics}) summed over their tags, for the operations rate history:
 * the same figures /metrics shows, so the console's charts and a Prometheus {@code rate()} agree.
 */
@ApplicationScoped
public class RegistryEventTotals implements EventTotals {

    @Inject
    MetricRegistry registry;

    public RegistryEventTotals() {
    }

    /** For tests: a registry of their own. */
    public RegistryEventTotals(MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public EventCounts read() {
        return new EventCounts(sum(RegistryEventMetrics.PUBLISHED), sum(RegistryEventMetrics.RELAYED),
                sum(RegistryEventMetrics.DELIVERIES));
    }

    private long sum(String name) {
        return registry.getCounters((id, metric) -> id.getName().equals(name)).values().stream()
                .mapToLong(Counter::getCount).sum();
    }
}
