package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A correlated domain event that arrived before any execution of its workflow waited on its correlation key. It
 * is kept until {@code expiresAt} and delivered, in arrival order, to the first execution started with that key
 * (see {@link WorkflowService#start}). One row per (tenant, event id, workflow): a redelivered stream entry keeps
 * one copy.
 */
@Entity
@Table(name = "HERALD_WF_EARLY_EVENT",
        indexes = {@Index(name = "IX_WF_EARLY_CORRELATION", columnList = "TENANT_ID, WORKFLOW_NAME, CORRELATION_KEY, EVENT_NAME"),
                @Index(name = "IX_WF_EARLY_EXPIRY", columnList = "EXPIRES_AT")},
        uniqueConstraints = @UniqueConstraint(name = "UK_WF_EARLY_EVENT", columnNames = {"TENANT_ID", "EVENT_ID", "WORKFLOW_NAME"}))
public class EarlyEvent {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "WORKFLOW_NAME", nullable = false, length = 200)
    private String workflowName;

    @Column(name = "CORRELATION_KEY", nullable = false, length = 200)
    private String correlationKey;

    @Column(name = "EVENT_NAME", nullable = false, length = 200)
    private String eventName;

    @Column(name = "EVENT_ID", nullable = false, length = 100)
    private String eventId;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Lob
    @Column(name = "PAYLOAD_JSON", nullable = false)
    private String payload;

    @Column(name = "RECEIVED_AT", nullable = false)
    private LocalDateTime receivedAt;

    @Column(name = "EXPIRES_AT", nullable = false)
    private LocalDateTime expiresAt;

    protected EarlyEvent() {
    }

    EarlyEvent(String tenantId, Correlation correlation, WorkflowStreamEntry entry, Instant receivedAt, Instant expiresAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.workflowName = correlation.workflowName();
        this.correlationKey = correlation.key();
        this.eventName = entry.eventName();
        this.eventId = entry.eventId();
        this.userId = entry.userId();
        this.payload = WireJson.write(entry.payload());
        this.receivedAt = UtcColumns.toColumn(receivedAt);
        this.expiresAt = UtcColumns.toColumn(expiresAt);
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventName() {
        return eventName;
    }

    public String getUserId() {
        return userId;
    }

    public JsonObject payload() {
        return WireJson.parseObject(payload);
    }

    public EarlyEventView view() {
        return new EarlyEventView(eventId, workflowName, correlationKey, eventName, payload(),
                UtcColumns.fromColumn(receivedAt), UtcColumns.fromColumn(expiresAt));
    }
}
