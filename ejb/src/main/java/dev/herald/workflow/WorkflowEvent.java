package dev.herald.workflow;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One journaled event as the reducer sees it. Sequence 0 is always the {@link #STARTED} event, whose payload is
 * the execution's initial data; so a journal alone, without any snapshot, replays to the current state. A
 * {@code discarded} event (a DEAD queued event an operator gave up on) keeps its sequence and changes nothing: the
 * replay passes over it as the execution did. {@code version} is the schema version of the payload as it was
 * journaled (1 for every row from before versions); the reducer sees it in the version its definition reads.
 */
public record WorkflowEvent(long sequence, String eventName, JsonObject payload, Instant occurredAt, boolean discarded,
                            int version) {

    public static final String STARTED = "WORKFLOW_STARTED";

    public WorkflowEvent {
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, got " + sequence);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more, got " + version);
        }
    }

    public WorkflowEvent(long sequence, String eventName, JsonObject payload, Instant occurredAt, boolean discarded) {
        this(sequence, eventName, payload, occurredAt, discarded, 1);
    }

    /** The same event with its payload in another version of its type's schema. */
    public WorkflowEvent inVersion(int otherVersion, JsonObject otherPayload) {
        return new WorkflowEvent(sequence, eventName, otherPayload, occurredAt, discarded, otherVersion);
    }

    /** An event that takes part: every event but a DEAD queued one an operator discarded. */
    public WorkflowEvent(long sequence, String eventName, JsonObject payload, Instant occurredAt) {
        this(sequence, eventName, payload, occurredAt, false);
    }

    public static WorkflowEvent started(JsonObject initialData, Instant at) {
        return new WorkflowEvent(0, STARTED, initialData, at);
    }
}
