package dev.herald.metrics;

import dev.herald.kernel.EventMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * {@link EventMetrics} recorded into the application's MicroProfile Metrics registry. Each counter is looked up
 * once per tag value and kept, so the hot path is a map read and an increment. The names are dotted here;
 * Liberty's Prometheus output writes them with underscores, a {@code _total} suffix for counters, the unit suffix
 * {@code _seconds} for the timer, and the tag {@code mp_scope="application"} (docs/operations.md, "Metrics").
 */
@ApplicationScoped
public class RegistryEventMetrics implements EventMetrics {

    public static final String PUBLISHED = "herald.events.published";
    public static final String REFUSED = "herald.events.refused";
    public static final String RELAYED = "herald.relay.relayed";
    public static final String RELAY_FAILURES = "herald.relay.failures";
    public static final String RELAY_DEAD_LETTERED = "herald.relay.dead.lettered";
    public static final String RELAY_REPLAYED = "herald.relay.replayed";
    public static final String PUBLISH_TO_STREAM = "herald.relay.publish.to.stream";
    public static final String DELIVERIES = "herald.subscriber.deliveries";
    public static final String DELIVERY_FAILURES = "herald.subscriber.failures";
    public static final String DELIVERY_TIMEOUTS = "herald.subscriber.timeouts";
    public static final String SUBSCRIBER_DEAD_LETTERS = "herald.subscriber.dead.letters";
    public static final String RETENTION_TRIMMED = "herald.retention.trimmed";

    @Inject
    MetricRegistry registry;

    private final Map<String, Counter> published = new ConcurrentHashMap<>();
    private final Map<String, Counter> relayed = new ConcurrentHashMap<>();
    private final Map<String, Counter> deliveries = new ConcurrentHashMap<>();
    private final Map<String, Counter> failures = new ConcurrentHashMap<>();
    private final Map<String, Counter> timeouts = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private Counter refused;
    private Counter relayFailures;
    private Counter relayDeadLettered;
    private Counter relayReplayed;
    private Timer publishToStream;
    private Counter retentionTrimmed;

    public RegistryEventMetrics() {
    }

    /** For tests: a registry of their own. */
    public RegistryEventMetrics(MetricRegistry registry) {
        this.registry = registry;
        init();
    }

    @PostConstruct
    void init() {
        refused = counter(REFUSED, "Publish calls refused because an event was invalid");
        relayFailures = counter(RELAY_FAILURES, "Events of relay attempts that failed (the broker redelivers them)");
        relayDeadLettered = counter(RELAY_DEAD_LETTERED, "Events the broker dead-lettered after the relay kept failing");
        relayReplayed = counter(RELAY_REPLAYED, "Failed events an operator handed to the relay again");
        publishToStream = registry.timer(Metadata.builder().withName(PUBLISH_TO_STREAM)
                .withDescription("From the event's envelope timestamp to the relay's Redis write returning")
                .withUnit(MetricUnits.SECONDS).build());
        retentionTrimmed = counter(RETENTION_TRIMMED, "Stream entries removed by the retention passes");
    }

    private Counter counter(String name, String description, Tag... tags) {
        return registry.counter(Metadata.builder().withName(name).withDescription(description).build(), tags);
    }

    private Counter tagged(Map<String, Counter> cache, String key, Function<String, Counter> create) {
        Counter found = cache.get(key);
        return found != null ? found : cache.computeIfAbsent(key, create);
    }

    @Override
    public void published(String eventType) {
        tagged(published, eventType, t -> counter(PUBLISHED, "Events handed to the broker, by type",
                new Tag("type", t))).inc();
    }

    @Override
    public void refused() {
        refused.inc();
    }

    @Override
    public void relayed(String eventType) {
        tagged(relayed, eventType, t -> counter(RELAYED, "Events written to Redis, one per channel, by type",
                new Tag("type", t))).inc();
    }

    @Override
    public void relayFailed() {
        relayFailures.inc();
    }

    @Override
    public void relayDeadLettered() {
        relayDeadLettered.inc();
    }

    @Override
    public void relayReplayed() {
        relayReplayed.inc();
    }

    @Override
    public void publishToStream(Duration latency) {
        publishToStream.update(latency.isNegative() ? Duration.ZERO : latency);
    }

    @Override
    public void delivered(String subscriberId) {
        subscriber(deliveries, DELIVERIES, "Events a subscriber's observer handled", subscriberId);
    }

    @Override
    public void deliveryFailed(String subscriberId) {
        subscriber(failures, DELIVERY_FAILURES, "Deliveries whose observer threw", subscriberId);
    }

    @Override
    public void deliveryTimedOut(String subscriberId) {
        subscriber(timeouts, DELIVERY_TIMEOUTS, "Deliveries whose observer did not finish within the handler timeout",
                subscriberId);
    }

    @Override
    public void subscriberDeadLettered(String subscriberId) {
        subscriber(deadLetters, SUBSCRIBER_DEAD_LETTERS, "Entries dead-lettered while a subscriber had not handled them",
                subscriberId);
    }

    @Override
    public void retentionTrimmed(long entries) {
        retentionTrimmed.inc(entries);
    }

    private void subscriber(Map<String, Counter> cache, String name, String description, String subscriberId) {
        tagged(cache, subscriberId, id -> counter(name, description, new Tag("subscriber", id))).inc();
    }
}
