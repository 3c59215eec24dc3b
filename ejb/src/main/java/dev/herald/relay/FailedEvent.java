package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EventMessages;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.DomainEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An event the relay could not write to Redis: every failed attempt is counted here (in its own transaction, so
 * the record survives the delivery's rollback); once the broker gives up it is dead-lettered and waits for a replay.
 */
@Entity
@Table(name = "HERALD_FAILED_EVENT")
public class FailedEvent {

    public enum Status { RETRYING, RECOVERED, DEAD_LETTERED, REPLAYED }

    @Id
    @Column(name = "EVENT_ID", length = 36)
    private String eventId;

    @Column(name = "EVENT_TYPE", nullable = false, length = 128)
    private String eventType;

    @Column(name = "TENANT_ID", length = 64)
    private String tenantId;

    @Lob
    @Column(name = "ENVELOPE", nullable = false)
    private String envelope;

    @Column(name = "CHANNELS", nullable = false, length = DomainEvent.MAX_CHANNEL_LIST)
    private String channels;

    @Column(name = "AGGREGATE_KEY", length = DomainEvent.MAX_AGGREGATE_KEY)
    private String aggregateKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 20)
    private Status status;

    @Column(name = "ATTEMPTS", nullable = false)
    private int attempts;

    @Column(name = "LAST_ERROR", length = 2000)
    private String lastError;

    @Column(name = "FIRST_FAILED_AT", nullable = false)
    private Instant firstFailedAt;

    @Column(name = "LAST_FAILED_AT", nullable = false)
    private Instant lastFailedAt;

    @Column(name = "DEAD_LETTERED_AT")
    private Instant deadLetteredAt;

    @Column(name = "REPLAYED_AT")
    private Instant replayedAt;

    protected FailedEvent() {
    }

    public FailedEvent(CarriedEvent message, Instant now) {
        this.eventId = message.eventId();
        this.eventType = message.eventType();
        this.tenantId = message.tenantId();
        this.envelope = message.envelopeJson();
        this.channels = String.join(",", message.channels());
        this.aggregateKey = message.aggregateKey();
        this.status = Status.RETRYING;
        this.firstFailedAt = now;
        this.lastFailedAt = now;
    }

    void attemptFailed(String error, Instant now) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 2000));
        lastFailedAt = now;
        if (status == Status.REPLAYED) {
            status = Status.RETRYING;
        }
    }

    /** A redelivery got through: the record stays, as the history of the outage. */
    void recovered() {
        if (status == Status.RETRYING) {
            status = Status.RECOVERED;
        }
    }

    void deadLettered(Instant now) {
        status = Status.DEAD_LETTERED;
        deadLetteredAt = now;
    }

    void replayed(Instant now) {
        status = Status.REPLAYED;
        replayedAt = now;
    }

    public CarriedEvent message() {
        return new CarriedEvent(EnvelopeJson.fromJson(envelope), envelope, EventMessages.channels(channels), aggregateKey);
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getTenantId() {
        return tenantId;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getFirstFailedAt() {
        return firstFailedAt;
    }

    public Instant getLastFailedAt() {
        return lastFailedAt;
    }

    public Instant getDeadLetteredAt() {
        return deadLetteredAt;
    }

    public Instant getReplayedAt() {
        return replayedAt;
    }

    public String getChannels() {
        return channels;
    }
}
