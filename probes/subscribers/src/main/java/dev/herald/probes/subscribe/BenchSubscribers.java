package dev.herald.probes.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The end-to-end benchmark's subscribers (E2eBenchmark), switched on only by {@code herald.bench.subscribers=true},
 * which only that benchmark's run server sets: {@code bench-arrivals} notes when each PROJECT_CREATED of the global
 * channel reached it (wall clock, milliseconds, as the benchmark's publish calls are timed); {@code bench-no-op}
 * counts the entries of {@code bench-delivery} that the benchmark XADDs itself. Both check that each tenant's events
 * arrive in stream order (entry ids rising) and count those that do not.
 */
@ApplicationScoped
public class BenchSubscribers {

    public static final String ENABLED_BY = "herald.bench.subscribers";

    /**
     * What a bench subscriber saw: per event id the milliseconds from its envelope's timestamp (taken in the publish
     * call) to its arrival here (bench-arrivals only), the count, the first and last arrival (epoch ms), and how many
     * arrived before an earlier entry of their tenant on their stream.
     */
    public static final class Tally {
        private final boolean keepArrivals;
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final Map<String, long[]> lastEntryOfTenant = new ConcurrentHashMap<>();
        final AtomicLong delivered = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        volatile long firstAt;
        volatile long lastAt;

        Tally(boolean keepArrivals) {
            this.keepArrivals = keepArrivals;
        }

        void note(ReceivedEvent event) {
            long now = System.currentTimeMillis();
            String[] parts = event.entryId().split("-");
            long[] id = {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
            long[] before = lastEntryOfTenant.put(event.tenantId() + "|" + event.stream(), id);
            if (before != null && (before[0] > id[0] || (before[0] == id[0] && before[1] >= id[1]))) {
                outOfOrder.incrementAndGet();
            }
            if (keepArrivals) {
                arrivals.put(event.id(), now - event.timestamp().toEpochMilli());
            }
            if (delivered.getAndIncrement() == 0) {
                firstAt = now;
            }
            lastAt = now;
        }

        public Map<String, Long> arrivals() {
            return Map.copyOf(arrivals);
        }

        public long delivered() {
            return delivered.get();
        }

        public long outOfOrder() {
            return outOfOrder.get();
        }

        public long firstAt() {
            return firstAt;
        }

        public long lastAt() {
            return lastAt;
        }

        public void reset() {
            arrivals.clear();
            lastEntryOfTenant.clear();
            delivered.set(0);
            outOfOrder.set(0);
            firstAt = 0;
            lastAt = 0;
        }
    }

    private final Tally arrivals = new Tally(true);
    private final Tally noOp = new Tally(false);

    public Tally arrivals() {
        return arrivals;
    }

    public Tally noOp() {
        return noOp;
    }

    void arrived(@Observes @Subscribe(id = "bench-arrivals", types = "PROJECT_CREATED", channel = "global",
            enabledBy = ENABLED_BY) ReceivedEvent event) {
        arrivals.note(event);
    }

    void noOp(@Observes @Subscribe(id = "bench-no-op", types = "TICKET_CREATED", channel = "bench-delivery",
            enabledBy = ENABLED_BY) ReceivedEvent event) {
        noOp.note(event);
    }
}
