package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A stored {@link Snapshot}. One per (execution, sequence, reducer version): a snapshot of the same state by the
 * same reducer adds nothing, and a new reducer version must be able to write its own next to the old one.
 */
@Entity
@Table(name = "HERALD_WF_SNAPSHOT", uniqueConstraints = @UniqueConstraint(name = "UK_WF_SNAPSHOT",
        columnNames = {"TENANT_ID", "EXECUTION_ID", "SEQ_NO", "REDUCER_VERSION"}))
public class WorkflowSnapshot {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "EXECUTION_ID", nullable = false, length = 36)
    private String executionId;

    @Column(name = "SEQ_NO", nullable = false)
    private long sequence;

    @Column(name = "CURRENT_STATE", nullable = false, length = 200)
    private String currentState;

    @Lob
    @Column(name = "DATA_JSON", nullable = false)
    private String data;

    @Column(name = "REDUCER_VERSION", nullable = false)
    private int reducerVersion;

    /** When the event at {@code sequence} occurred: what a time-bounded replay compares with. */
    @Column(name = "LAST_EVENT_AT", nullable = false)
    private LocalDateTime lastEventAt;

    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    protected WorkflowSnapshot() {
    }

    WorkflowSnapshot(String tenantId, String executionId, Snapshot snapshot) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.executionId = executionId;
        this.sequence = snapshot.sequence();
        this.currentState = snapshot.currentState();
        this.data = WireJson.write(snapshot.data());
        this.reducerVersion = snapshot.reducerVersion();
        this.lastEventAt = UtcColumns.toColumn(snapshot.lastEventAt());
        this.createdAt = UtcColumns.toColumn(snapshot.createdAt());
    }

    public Snapshot snapshot() {
        return new Snapshot(sequence, currentState, WireJson.parseObject(data), reducerVersion, UtcColumns.fromColumn(lastEventAt),
                UtcColumns.fromColumn(createdAt));
    }

    public long getSequence() {
        return sequence;
    }

    public int getReducerVersion() {
        return reducerVersion;
    }
}
