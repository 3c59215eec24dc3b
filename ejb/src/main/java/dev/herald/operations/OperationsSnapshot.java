package dev.herald.operations;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one sample read: every stream with its groups, the workflow queue, and what could not be read. The gauges and
 * the operations endpoint answer the latest snapshot; nothing is read from Redis or the database when they are asked.
 *
 * @param sampledAt       when the sample began
 * @param took            how long the sample took (Redis and the database): what one sample costs
 * @param streams         Herald's streams (per-type streams with at least one group or dead letter, and the workflow
 *                        stream), by key
 * @param queue           the workflow queue; empty when it could not be counted (see {@code errors})
 * @param workflowStream  the workflow stream's key
 * @param triggerGroup    the workflow trigger consumer's group on it
 * @param errors          one line per part that could not be read; those parts keep no figure in this sample
 */
public record OperationsSnapshot(Instant sampledAt, Duration took, List<StreamBacklog> streams, Optional<QueueCounts> queue,
                                 String workflowStream, String triggerGroup, List<String> errors) {

    public OperationsSnapshot {
        streams = List.copyOf(streams);
        errors = List.copyOf(errors);
    }

    /** Before the first sample. */
    public static OperationsSnapshot none(String workflowStream, String triggerGroup) {
        return new OperationsSnapshot(Instant.EPOCH, Duration.ZERO, List.of(), Optional.empty(), workflowStream, triggerGroup,
                List.of("not sampled yet"));
    }

    public Optional<StreamBacklog> stream(String key) {
        return streams.stream().filter(s -> s.stream().equals(key)).findFirst();
    }

    /** The group's backlog on the stream, when the sample saw it. */
    public Optional<GroupBacklog> group(String stream, String group) {
        return stream(stream).flatMap(s -> s.group(group));
    }

    /** Workflow-stream entries the trigger consumer has not read yet; empty when its group was not seen. */
    public Optional<GroupBacklog> triggerBacklog() {
        return group(workflowStream, triggerGroup);
    }
}
