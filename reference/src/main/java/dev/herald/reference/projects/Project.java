package dev.herald.reference.projects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A project of a tenant. Its state changes go through {@link ProjectService}, which publishes what they mean. */
@Entity
@Table(name = "HERALD_PROJECT")
public class Project {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "NAME", nullable = false, length = 300)
    private String name;

    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    @Column(name = "STATUS", nullable = false, length = 32)
    private String status;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Project() {
    }

    Project(String tenantId, String name, String description, String status, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.name = name;
        this.description = description;
        this.status = status;
        this.createdAt = createdAt;
    }

    ProjectState state() {
        return new ProjectState(name, description, status);
    }

    void apply(ProjectState next) {
        name = next.name();
        description = next.description();
        status = next.status();
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }
}
