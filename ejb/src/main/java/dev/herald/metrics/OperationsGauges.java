package dev.herald.metrics;

import dev.herald.operations.GroupBacklog;
import dev.herald.operations.OperationsSnapshot;
import dev.herald.operations.QueueCounts;
import dev.herald.operations.StreamBacklog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The backlog gauges: per stream and consumer group the lag and pending entries, per stream its dead letters, and the
 * workflow queue's depth, dead events and trigger lag. Each gauge reads the latest {@link OperationsSnapshot}, which
 * this bean keeps from the sampler's CDI event; a scrape therefore reads memory only, never Redis or the database.
 * A group's gauges are registered when a snapshot first shows it and removed when one no longer does (its stream or
 * group was deleted), so the series follow the groups that exist. Before the first sample, and for a figure that was
 * never read, a gauge answers NaN: unknown, not zero.
 */
@ApplicationScoped
public class OperationsGauges {

    public static final String STREAM_LAG = "herald.stream.lag";
    public static final String STREAM_PENDING = "herald.stream.pending";
    public static final String STREAM_DEAD_LETTERS = "herald.stream.dead.letters";
    public static final String QUEUE_DEPTH = "herald.workflow.queue.depth";
    public static final String QUEUE_DEAD = "herald.workflow.queue.dead";
    public static final String TRIGGER_LAG = "herald.workflow.trigger.lag";
    public static final String SAMPLE_ERRORS = "herald.operations.sample.errors";

    @Inject
    MetricRegistry registry;

    private volatile OperationsSnapshot latest;
    private final Set<MetricID> perStream = new HashSet<>();
    private boolean fixedRegistered;

    public OperationsGauges() {
    }

    /** For tests: a registry of their own. */
    public OperationsGauges(MetricRegistry registry) {
        this.registry = registry;
    }

    /** Keeps the snapshot and registers (or removes) the gauges of the streams and groups it shows. */
    synchronized void onSample(@Observes OperationsSnapshot snapshot) {
        latest = snapshot;
        if (!fixedRegistered) {
            gauge(QUEUE_DEPTH, "Queued workflow events not applied yet (PENDING, PROCESSING, FAILED)",
                    () -> queue(QueueCounts::queued));
            gauge(QUEUE_DEAD, "Queued workflow events given up on (DEAD)", () -> queue(QueueCounts::dead));
            gauge(TRIGGER_LAG, "Workflow-stream entries the trigger consumer has not read yet",
                    () -> figure(latest.triggerBacklog().map(GroupBacklog::lag)));
            gauge(SAMPLE_ERRORS, "Parts the last operations sample could not read (their gauges keep older figures)",
                    () -> (double) latest.errors().size());
            fixedRegistered = true;
        }
        Set<MetricID> seen = new HashSet<>();
        for (StreamBacklog stream : snapshot.streams()) {
            String key = stream.stream();
            seen.add(gauge(STREAM_DEAD_LETTERS, "Entries in a stream's dead-letter stream",
                    () -> figure(latest.stream(key).map(StreamBacklog::deadLetters)), new Tag("stream", key)));
            for (GroupBacklog group : stream.groups()) {
                String name = group.group();
                Tag[] tags = {new Tag("stream", key), new Tag("group", name)};
                seen.add(gauge(STREAM_LAG, "Entries of a stream its consumer group has not read yet",
                        () -> figure(latest.group(key, name).map(GroupBacklog::lag)), tags));
                seen.add(gauge(STREAM_PENDING, "Entries delivered to the group's consumers and not acknowledged yet",
                        () -> figure(latest.group(key, name).map(GroupBacklog::pending)), tags));
            }
        }
        for (MetricID gone : perStream.stream().filter(id -> !seen.contains(id)).toList()) {
            registry.remove(gone);
            perStream.remove(gone);
        }
        perStream.addAll(seen);
    }

    private MetricID gauge(String name, String description, Supplier<Double> value, Tag... tags) {
        MetricID id = new MetricID(name, tags);
        if (!perStream.contains(id)) {
            registry.gauge(Metadata.builder().withName(name).withDescription(description).build(), value, tags);
        }
        return id;
    }

    private double queue(Function<QueueCounts, Long> figure) {
        return figure(latest.queue().map(figure));
    }

    private static double figure(Optional<Long> value) {
        return value.map(Long::doubleValue).orElse(Double.NaN);
    }
}
