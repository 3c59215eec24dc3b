package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One running (or finished) workflow: the projection of its journal, updated in the transaction that appends each
 * event, so reading the current state needs no replay. {@code @Version} makes two transactions that both advanced
 * the same execution fail one of them, in addition to the journal's unique sequence.
 */
@Entity
@Table(name = "HERALD_WF_EXECUTION",
        indexes = {@Index(name = "IX_WF_EXECUTION_CORRELATION", columnList = "TENANT_ID, WORKFLOW_NAME, CORRELATION_KEY"),
                @Index(name = "IX_WF_EXECUTION_QUEUE", columnList = "QUEUE_OPEN")})
public class WorkflowExecution {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "WORKFLOW_NAME", nullable = false, length = 200)
    private String workflowName;

    @Column(name = "WORKFLOW_VERSION", nullable = false)
    private int workflowVersion;

    @Column(name = "CURRENT_STATE", nullable = false, length = 200)
    private String currentState;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private ExecutionStatus status;

    @Column(name = "LAST_SEQUENCE", nullable = false)
    private long lastSequence;

    /** When the last journaled event occurred; new events are never stamped earlier (see {@link #nextEventAt}). */
    @Column(name = "LAST_EVENT_AT", nullable = false)
    private LocalDateTime lastEventAt;

    @Lob
    @Column(name = "DATA_JSON", nullable = false)
    private String data;

    /** The highest sequence in the journal, applied or still queued: where the next enqueued event goes after. */
    @Column(name = "JOURNALED_SEQUENCE", nullable = false)
    private long journaledSequence;

    /**
     * True while queued events wait after the last applied one and none of them is DEAD: the executions the queue
     * workers look at. Kept here so that the workers' poll reads this table through an index instead of scanning
     * the journal, whose writers it blocked (and deadlocked with) on Derby.
     */
    @Column(name = "QUEUE_OPEN", nullable = false)
    private boolean queueOpen;

    @Column(name = "CORRELATION_KEY", length = 200)
    private String correlationKey;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    @Version
    @Column(name = "ROW_VERSION", nullable = false)
    private long rowVersion;

    protected WorkflowExecution() {
    }

    WorkflowExecution(String tenantId, WorkflowDefinition definition, ExecutionState initial, String correlationKey, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.workflowName = definition.name();
        this.workflowVersion = definition.version();
        this.correlationKey = correlationKey;
        this.createdAt = UtcColumns.toColumn(now);
        advance(initial, now);
    }

    void advance(ExecutionState state, Instant eventAt) {
        currentState = state.currentState();
        status = state.status();
        lastSequence = state.sequence();
        lastEventAt = UtcColumns.toColumn(eventAt);
        data = WireJson.write(state.data());
        journaledSequence = Math.max(journaledSequence, lastSequence);
        queueOpen = journaledSequence > lastSequence;
    }

    /** A queued event was journaled at {@code sequence}, the one after {@link #getJournaledSequence()}. */
    void enqueued(long sequence) {
        if (sequence != journaledSequence + 1) {
            throw new IllegalStateException("execution " + id + " journaled up to " + journaledSequence
                    + "; the next queued event goes at " + (journaledSequence + 1) + ", not " + sequence);
        }
        // A DEAD event closed the queue (queued events left, queue shut): what comes after it waits behind it too.
        boolean closedByDeadEvent = !queueOpen && journaledSequence > lastSequence;
        journaledSequence = sequence;
        queueOpen = !closedByDeadEvent;
    }

    /** A queued event ended DEAD: the workers stop looking at this execution; the events after it are held back. */
    void closeQueue() {
        queueOpen = false;
    }

    /** The DEAD event was revived: the workers look at this execution again while it has queued events. */
    void reopenQueue() {
        queueOpen = journaledSequence > lastSequence;
    }

    public long getJournaledSequence() {
        return journaledSequence;
    }

    public boolean isQueueOpen() {
        return queueOpen;
    }

    /**
     * The time to stamp the next event with: now, but never before the previous event, so that within one
     * execution time order is sequence order even across servers with skewed clocks, and "the state at time T"
     * is always a prefix of the journal.
     */
    Instant nextEventAt(Instant now) {
        Instant last = getLastEventAt();
        return now.isBefore(last) ? last : now;
    }

    public ExecutionState state() {
        return new ExecutionState(currentState, status, WireJson.parseObject(data), lastSequence);
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getWorkflowName() {
        return workflowName;
    }

    public int getWorkflowVersion() {
        return workflowVersion;
    }

    public long getLastSequence() {
        return lastSequence;
    }

    public Instant getLastEventAt() {
        return UtcColumns.fromColumn(lastEventAt);
    }

    public String getCorrelationKey() {
        return correlationKey;
    }

    public Instant getCreatedAt() {
        return UtcColumns.fromColumn(createdAt);
    }
}
