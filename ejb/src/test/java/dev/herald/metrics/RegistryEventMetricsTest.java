package dev.herald.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

class RegistryEventMetricsTest {

    /** A registry answering counter(Metadata, Tag...) and timer(Metadata) with counters kept by name and tags. */
    private final Map<String, AtomicLong> counts = new TreeMap<>();
    private final List<String> registrations = new ArrayList<>();
    private final List<Duration> timed = new ArrayList<>();

    private final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> {
                Metadata metadata = (Metadata) args[0];
                switch (method.getName()) {
                    case "counter" -> {
                        String id = metadata.getName() + Arrays.stream((Tag[]) args[1])
                                .map(t -> t.getTagName() + "=\"" + t.getTagValue() + "\"").toList();
                        registrations.add(id);
                        AtomicLong count = counts.computeIfAbsent(id, k -> new AtomicLong());
                        return counter(count);
                    }
                    case "timer" -> {
                        registrations.add(metadata.getName() + "/" + metadata.unit().orElse(""));
                        return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Timer.class},
                                (p, m, a) -> {
                                    if (m.getName().equals("update")) {
                                        timed.add((Duration) a[0]);
                                    }
                                    return null;
                                });
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
            });

    private static Counter counter(AtomicLong count) {
        return new Counter() {
            @Override public void inc() { count.incrementAndGet(); }
            @Override public void inc(long n) { count.addAndGet(n); }
            @Override public long getCount() { return count.get(); }
        };
    }

    @Test
    void eachCallIncrementsItsNamedAndTaggedCounter() {
        RegistryEventMetrics metrics = new RegistryEventMetrics(registry);
        metrics.published("TICKET_CREATED");
        metrics.published("TICKET_CREATED");
        metrics.published("TICKET_CLOSED");
        metrics.refused();
        metrics.relayed("TICKET_CREATED");
        metrics.relayFailed();
        metrics.relayDeadLettered();
        metrics.relayReplayed();
        metrics.delivered("notes");
        metrics.deliveryFailed("notes");
        metrics.deliveryTimedOut("audit");
        metrics.subscriberDeadLettered("audit");
        metrics.publishToStream(Duration.ofMillis(12));
        metrics.publishToStream(Duration.ofMillis(-3));
        metrics.retentionTrimmed(7);
        metrics.retentionTrimmed(2);

        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("herald.events.published[type=\"TICKET_CREATED\"]", 2L),
                Map.entry("herald.events.published[type=\"TICKET_CLOSED\"]", 1L),
                Map.entry("herald.events.refused[]", 1L),
                Map.entry("herald.relay.relayed[type=\"TICKET_CREATED\"]", 1L),
                Map.entry("herald.relay.failures[]", 1L),
                Map.entry("herald.relay.dead.lettered[]", 1L),
                Map.entry("herald.relay.replayed[]", 1L),
                Map.entry("herald.subscriber.deliveries[subscriber=\"notes\"]", 1L),
                Map.entry("herald.subscriber.failures[subscriber=\"notes\"]", 1L),
                Map.entry("herald.subscriber.timeouts[subscriber=\"audit\"]", 1L),
                Map.entry("herald.subscriber.dead.letters[subscriber=\"audit\"]", 1L),
                Map.entry("herald.retention.trimmed[]", 9L)));
        Map<String, Long> actual = new TreeMap<>();
        counts.forEach((id, count) -> actual.put(id, count.get()));
        assertEquals(expected, actual);
        assertEquals(List.of(Duration.ofMillis(12), Duration.ZERO), timed, "a clock skew never records a negative time");
    }

    @Test
    void aTaggedCounterIsLookedUpOncePerTagValue() {
        RegistryEventMetrics metrics = new RegistryEventMetrics(registry);
        for (int i = 0; i < 5; i++) {
            metrics.published("TICKET_CREATED");
            metrics.delivered("notes");
        }
        assertEquals(1, registrations.stream().filter(r -> r.startsWith("herald.events.published")).count());
        assertEquals(1, registrations.stream().filter(r -> r.startsWith("herald.subscriber.deliveries")).count());
        assertEquals(1, registrations.stream().filter(r -> r.equals("herald.relay.publish.to.stream/seconds")).count());
    }
}
