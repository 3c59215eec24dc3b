package dev.herald.reference.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A task of a project: title, status, one primary assignee (a user or a team), an optional due date. */
@Entity
@Table(name = "HERALD_PROJECT_TASK")
public class ProjectTask {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "PROJECT_ID", nullable = false, length = 36)
    private String projectId;

    @Column(name = "TITLE", nullable = false, length = 500)
    private String title;

    @Column(name = "STATUS", nullable = false, length = 32)
    private String status;

    @Column(name = "ASSIGNED_TO_ID", length = 36)
    private String assignedToId;

    @Column(name = "ASSIGNED_TO_TYPE", length = 16)
    private String assignedToType;

    @Column(name = "DUE_DATE", length = 10)
    private String dueDate;

    protected ProjectTask() {
    }

    ProjectTask(String tenantId, String projectId, TaskState state) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.projectId = projectId;
        apply(state);
    }

    TaskState state() {
        return new TaskState(title, status, assignedToId, assignedToType, dueDate);
    }

    void apply(TaskState next) {
        title = next.title();
        status = next.status();
        assignedToId = next.assignedToId();
        assignedToType = next.assignedToType();
        dueDate = next.dueDate();
    }

    public String getId() {
        return id;
    }

    public String getProjectId() {
        return projectId;
    }

    public String getTenantId() {
        return tenantId;
    }
}
