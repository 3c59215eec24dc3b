package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One event of an execution's journal. (tenant, execution, sequence) is unique: of two appends at one sequence
 * only one can commit. (tenant, event id) is unique: an event id is an idempotency key. The processing columns
 * serve queued processing; a synchronously applied event is written DONE, a queued one PENDING (its sequence taken
 * at enqueue, its from/to state filled in when a worker applies it). Queued rows are claimed by conditional
 * UPDATEs on (status, attempts), see {@link WorkflowQueue}.
 */
@Entity
@Table(name = "HERALD_WF_JOURNAL", indexes = @Index(name = "IX_WF_JOURNAL_PROCESSING", columnList = "PROCESSING_STATUS"),
        uniqueConstraints = {
        @UniqueConstraint(name = "UK_WF_JOURNAL_SEQUENCE", columnNames = {"TENANT_ID", "EXECUTION_ID", "SEQ_NO"}),
        @UniqueConstraint(name = "UK_WF_JOURNAL_EVENT", columnNames = {"TENANT_ID", "EVENT_ID"})})
public class JournalEntry {

    public enum ProcessingStatus { PENDING, PROCESSING, DONE, FAILED, DEAD, DISCARDED }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "EVENT_ID", nullable = false, length = 200)
    private String eventId;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "EXECUTION_ID", nullable = false, length = 36)
    private String executionId;

    @Column(name = "SEQ_NO", nullable = false)
    private long sequence;

    @Column(name = "EVENT_NAME", nullable = false, length = 200)
    private String eventName;

    @Column(name = "EVENT_TYPE", nullable = false, length = 200)
    private String eventType;

    @Column(name = "FROM_STATE", length = 200)
    private String fromState;

    @Column(name = "TO_STATE", length = 200)
    private String toState;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    /** The payload's schema version; null on rows journaled before versions existed, which are all v1. */
    @Column(name = "EVENT_VERSION")
    private Integer eventVersion;

    @Lob
    @Column(name = "PAYLOAD_JSON", nullable = false)
    private String payload;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "PROCESSING_STATUS", nullable = false, length = 20)
    private ProcessingStatus processingStatus;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "CLAIMED_AT")
    private LocalDateTime claimedAt;

    /** When a FAILED event may be attempted again. */
    @Column(name = "NEXT_ATTEMPT_AT")
    private LocalDateTime nextAttemptAt;

    /** Why the last attempt failed (kept after a later success, for the record). */
    @Column(name = "LAST_ERROR", length = LAST_ERROR_LENGTH)
    private String lastError;

    static final int LAST_ERROR_LENGTH = 2000;

    protected JournalEntry() {
    }

    /** An event applied in the appending transaction: from and to state are known, processing is done. */
    static JournalEntry applied(String tenantId, String executionId, String eventId, String eventName, String eventType,
                                String fromState, WorkflowEvent event, ExecutionState result, String userId) {
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID().toString();
        entry.tenantId = tenantId;
        entry.executionId = executionId;
        entry.eventId = eventId;
        entry.sequence = event.sequence();
        entry.eventName = eventName;
        entry.eventType = eventType;
        entry.fromState = fromState;
        entry.toState = result.currentState();
        entry.userId = userId;
        entry.payload = WireJson.write(event.payload());
        entry.eventVersion = event.version();
        entry.createdAt = UtcColumns.toColumn(event.occurredAt());
        entry.processingStatus = ProcessingStatus.DONE;
        entry.attempts = 1;
        return entry;
    }

    /** An event journaled for a worker to apply: sequence taken now, state unknown until it is applied. */
    static JournalEntry pending(String tenantId, String executionId, String eventId, String eventName, long sequence,
                                JsonObject payload, int version, Instant enqueuedAt, String userId) {
        JournalEntry entry = new JournalEntry();
        entry.id = UUID.randomUUID().toString();
        entry.tenantId = tenantId;
        entry.executionId = executionId;
        entry.eventId = eventId;
        entry.sequence = sequence;
        entry.eventName = eventName;
        entry.eventType = eventName;
        entry.userId = userId;
        entry.payload = WireJson.write(payload);
        entry.eventVersion = version;
        entry.createdAt = UtcColumns.toColumn(enqueuedAt);
        entry.processingStatus = ProcessingStatus.PENDING;
        entry.attempts = 0;
        return entry;
    }

    /** The queued event was applied: record the states it moved between. */
    void markDone(String from, ExecutionState result) {
        fromState = from;
        toState = result.currentState();
        processingStatus = ProcessingStatus.DONE;
        nextAttemptAt = null;
    }

    /**
     * A DEAD event given its attempts again: PENDING at attempt 0, as when it was enqueued. Its last error stays
     * until the next attempt replaces it, so the journal still says why it died.
     */
    void revive() {
        requireDead("retried");
        processingStatus = ProcessingStatus.PENDING;
        attempts = 0;
        claimedAt = null;
        nextAttemptAt = null;
    }

    /**
     * A DEAD event given up on: DISCARDED, in the state the execution stays in. It keeps its sequence, payload and
     * last error, so the journal still says what was dropped and why; replay passes over it.
     */
    void discard(String state) {
        requireDead("discarded");
        processingStatus = ProcessingStatus.DISCARDED;
        fromState = state;
        toState = state;
        nextAttemptAt = null;
    }

    private void requireDead(String action) {
        if (processingStatus != ProcessingStatus.DEAD) {
            throw new EventNotDeadException(eventId, processingStatus, action);
        }
    }

    /** True while this row is the claim a worker holds at {@code attempt}. */
    boolean isClaimedAt(int attempt) {
        return processingStatus == ProcessingStatus.PROCESSING && attempts == attempt;
    }

    public QueuedEvent queued() {
        return new QueuedEvent(id, tenantId, executionId, eventId, sequence, processingStatus, attempts,
                UtcColumns.fromColumn(nextAttemptAt), UtcColumns.fromColumn(claimedAt));
    }

    static String truncatedError(String reason) {
        return reason.length() <= LAST_ERROR_LENGTH ? reason : reason.substring(0, LAST_ERROR_LENGTH - 1) + "\u2026";
    }

    public WorkflowEvent event() {
        return new WorkflowEvent(sequence, eventName, WireJson.parseObject(payload), UtcColumns.fromColumn(createdAt),
                processingStatus == ProcessingStatus.DISCARDED, eventVersion == null ? 1 : eventVersion);
    }

    public JournalView view() {
        return new JournalView(eventId, sequence, eventName, eventType, fromState, toState, userId,
                WireJson.parseObject(payload), UtcColumns.fromColumn(createdAt), processingStatus, attempts,
                UtcColumns.fromColumn(claimedAt), UtcColumns.fromColumn(nextAttemptAt), lastError);
    }

    public String getEventId() {
        return eventId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getExecutionId() {
        return executionId;
    }

    public long getSequence() {
        return sequence;
    }

    public String getEventName() {
        return eventName;
    }

    public String getUserId() {
        return userId;
    }

    public ProcessingStatus getProcessingStatus() {
        return processingStatus;
    }
}
