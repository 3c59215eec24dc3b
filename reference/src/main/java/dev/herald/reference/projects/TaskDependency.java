package dev.herald.reference.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/** A task that cannot finish before another: open until the blocking task is done. */
@Entity
@Table(name = "HERALD_TASK_DEPENDENCY",
        uniqueConstraints = @UniqueConstraint(name = "UK_TASK_DEPENDENCY", columnNames = {"TASK_ID", "BLOCKED_BY_TASK_ID"}))
public class TaskDependency {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "TASK_ID", nullable = false, length = 36)
    private String taskId;

    @Column(name = "BLOCKED_BY_TASK_ID", nullable = false, length = 36)
    private String blockedByTaskId;

    @Column(name = "IS_OPEN", nullable = false)
    private boolean open;

    protected TaskDependency() {
    }

    TaskDependency(String tenantId, String taskId, String blockedByTaskId, boolean open) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.taskId = taskId;
        this.blockedByTaskId = blockedByTaskId;
        this.open = open;
    }

    void resolve() {
        open = false;
    }

    String getTaskId() {
        return taskId;
    }
}
