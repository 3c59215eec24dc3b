package dev.herald.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.operations.GroupBacklog;
import dev.herald.operations.OperationsSnapshot;
import dev.herald.operations.QueueCounts;
import dev.herald.operations.StreamBacklog;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class OperationsGaugesTest {

    private static final String STREAM = "alga-psa:event-stream:global:TICKET_CREATED";

    /** A registry answering gauge(Metadata, Supplier, Tag...) and remove(MetricID), keeping the suppliers by id. */
    private final Map<String, Supplier<?>> gauges = new TreeMap<>();

    private final MetricRegistry registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MetricRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                case "gauge" -> {
                    gauges.put(id(((Metadata) args[0]).getName(), (Tag[]) args[2]), (Supplier<?>) args[1]);
                    yield null;
                }
                case "remove" -> {
                    MetricID gone = (MetricID) args[0];
                    yield gauges.remove(id(gone.getName(), gone.getTagsAsArray())) != null;
                }
                default -> throw new AssertionError("unexpected MetricRegistry." + method.getName());
            });

    private static String id(String name, Tag[] tags) {
        return name + Arrays.stream(tags).map(t -> t.getTagName() + "=" + t.getTagValue()).sorted().toList();
    }

    private static OperationsSnapshot snapshot(long lag, long pending, Optional<QueueCounts> queue, StreamBacklog... streams) {
        return new OperationsSnapshot(Instant.now(), Duration.ofMillis(3), List.of(streams), queue, "workflow:events:global", "wf", List.of());
    }

    private static StreamBacklog stream(long lag, long pending) {
        return new StreamBacklog(STREAM, Optional.of("global"), Optional.of("TICKET_CREATED"), 10, 2,
                List.of(new GroupBacklog("herald-subscribers", 1, lag, false, pending, "0-0")));
    }

    private double value(String name, String... tags) {
        Supplier<?> gauge = gauges.get(name + List.of(tags));
        assertTrue(gauge != null, name + List.of(tags) + " in " + gauges.keySet());
        return ((Number) gauge.get()).doubleValue();
    }

    @Test
    void eachGroupsLagAndPendingReadTheLatestSample() {
        OperationsGauges operations = new OperationsGauges(registry);
        operations.onSample(snapshot(5, 2, Optional.of(new QueueCounts(4, 1)), stream(5, 2)));

        String[] tags = {"group=herald-subscribers", "stream=" + STREAM};
        assertEquals(5, value(OperationsGauges.STREAM_LAG, tags));
        assertEquals(2, value(OperationsGauges.STREAM_PENDING, tags));
        assertEquals(2, value(OperationsGauges.STREAM_DEAD_LETTERS, "stream=" + STREAM));
        assertEquals(4, value(OperationsGauges.QUEUE_DEPTH));
        assertEquals(1, value(OperationsGauges.QUEUE_DEAD));
        assertTrue(Double.isNaN(value(OperationsGauges.TRIGGER_LAG)), "the trigger group was not seen: unknown, not 0");

        operations.onSample(snapshot(0, 0, Optional.of(new QueueCounts(0, 1)), stream(0, 0)));
        assertEquals(0, value(OperationsGauges.STREAM_LAG, tags));
        assertEquals(0, value(OperationsGauges.QUEUE_DEPTH));
    }

    @Test
    void aGroupNoLongerSampledHasItsGaugesRemoved() {
        OperationsGauges operations = new OperationsGauges(registry);
        operations.onSample(snapshot(5, 2, Optional.empty(), stream(5, 2)));
        operations.onSample(snapshot(0, 0, Optional.empty()));

        assertFalse(gauges.keySet().stream().anyMatch(id -> id.contains(STREAM)), gauges.keySet().toString());
        assertTrue(Double.isNaN(value(OperationsGauges.QUEUE_DEPTH)), "never counted: unknown");
    }
}
