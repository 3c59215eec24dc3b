package dev.herald.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What one sample is, without the container: read the streams, count the queue, and keep the previous figures of a
 * part that could not be read (Redis away, the count timed out behind a writer), with the reason listed. A gauge
 * then goes on showing the last figure known rather than dropping to zero, which would read as "no backlog" at the
 * very moment nothing can be seen; {@code errors} and the endpoint's {@code sampledAt} say it is stale.
 */
final class Sampling {

    private final String workflowStream;
    private final String triggerGroup;
    private volatile OperationsSnapshot latest;
    private volatile boolean errorsBegan;

    Sampling(String workflowStream, String triggerGroup) {
        this.workflowStream = workflowStream;
        this.triggerGroup = triggerGroup;
        this.latest = OperationsSnapshot.none(workflowStream, triggerGroup);
    }

    OperationsSnapshot sample(Instant now, Function<List<String>, List<StreamBacklog>> streams, Supplier<QueueCounts> queue) {
        long started = System.nanoTime();
        OperationsSnapshot previous = latest;
        List<String> errors = new ArrayList<>();
        List<StreamBacklog> read;
        try {
            read = new ArrayList<>(streams.apply(errors));
            for (StreamBacklog kept : previous.streams()) { // a stream that failed alone keeps its last figures
                if (errors.stream().anyMatch(error -> error.startsWith(kept.stream() + ": "))) {
                    read.add(kept);
                }
            }
            read.sort(java.util.Comparator.comparing(StreamBacklog::stream));
        } catch (RuntimeException e) {
            errors.add("streams: " + e);
            read = previous.streams();
        }
        Optional<QueueCounts> counts;
        try {
            counts = Optional.of(queue.get());
        } catch (RuntimeException e) {
            errors.add("workflow queue: " + e);
            counts = previous.queue();
        }
        OperationsSnapshot snapshot = new OperationsSnapshot(now, Duration.ofNanos(System.nanoTime() - started), read, counts, workflowStream, triggerGroup, errors);
        boolean previousClean = previous.errors().isEmpty() || previous.sampledAt().equals(Instant.EPOCH);
        errorsBegan = !errors.isEmpty() && previousClean;
        latest = snapshot;
        return snapshot;
    }

    /** True when the last sample had errors and the one before it had none. */
    boolean errorsBegan() {
        return errorsBegan;
    }

    OperationsSnapshot latest() {
        return latest;
    }
}
