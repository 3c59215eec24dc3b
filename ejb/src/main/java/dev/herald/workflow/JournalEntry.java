package dev.herald.workflow;

import dev.herald.publish.WireJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One event of an execution's journal. (tenant, execution, sequence) is unique: of two appends at one sequence
 * only one can commit. (tenant, event id) is unique: an event id is an idempotency key. The processing columns
 * serve queued processing; a synchronously applied event is written DONE.
 */
@Entity
@Table(name = "HERALD_WF_JOURNAL", uniqueConstraints = {
        @UniqueConstraint(name = "UK_WF_JOURNAL_SEQUENCE", columnNames = {"TENANT_ID", "EXECUTION_ID", "SEQ_NO"}),
        @UniqueConstraint(name = "UK_WF_JOURNAL_EVENT", columnNames = {"TENANT_ID", "EVENT_ID"})})
public class JournalEntry {

    public enum ProcessingStatus { PENDING, PROCESSING, DONE, FAILED, DEAD }

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
        entry.createdAt = UtcColumns.toColumn(event.occurredAt());
        entry.processingStatus = ProcessingStatus.DONE;
        entry.attempts = 1;
        return entry;
    }

    public WorkflowEvent event() {
        return new WorkflowEvent(sequence, eventName, WireJson.parseObject(payload), UtcColumns.fromColumn(createdAt));
    }

    public JournalView view() {
        return new JournalView(eventId, sequence, eventName, eventType, fromState, toState, userId,
                WireJson.parseObject(payload), UtcColumns.fromColumn(createdAt), processingStatus, attempts,
                UtcColumns.fromColumn(claimedAt));
    }

    public String getEventId() {
        return eventId;
    }

    public String getExecutionId() {
        return executionId;
    }

    public long getSequence() {
        return sequence;
    }
}
