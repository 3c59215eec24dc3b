package dev.herald.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/**
 * An idempotency key a tenant published with, and the envelope it produced. Written in the publishing
 * transaction, so a key is taken exactly when its event is committed; two concurrent publishes with one key
 * cannot both commit (unique constraint).
 */
@Entity
@Table(name = "HERALD_PUBLISHED_KEY",
        uniqueConstraints = @UniqueConstraint(name = "UK_PUBLISHED_KEY", columnNames = {"TENANT_ID", "IDEMPOTENCY_KEY"}))
public class PublishedKey {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "IDEMPOTENCY_KEY", nullable = false, length = 200)
    private String idempotencyKey;

    @Column(name = "EVENT_ID", nullable = false, length = 36)
    private String eventId;

    @Lob
    @Column(name = "ENVELOPE", nullable = false)
    private String envelope;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected PublishedKey() {
    }

    public PublishedKey(String tenantId, String idempotencyKey, EventEnvelope envelope, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.idempotencyKey = idempotencyKey;
        this.eventId = envelope.id();
        this.envelope = EnvelopeJson.toJson(envelope);
        this.createdAt = now;
    }

    public EventEnvelope envelope() {
        return EnvelopeJson.fromJson(envelope);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
