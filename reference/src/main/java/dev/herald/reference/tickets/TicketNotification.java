package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One notification the ticket subscriber decided to send: one row per (event, recipient), which the unique
 * constraint guarantees however often the event is delivered. (Sending the mail is the mailer's job, not built.)
 */
@Entity
@Table(name = "HERALD_TICKET_NOTIFICATION",
        uniqueConstraints = @UniqueConstraint(name = "UK_TICKET_NOTIFICATION", columnNames = {"EVENT_ID", "RECIPIENT"}))
public class TicketNotification {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "EVENT_ID", nullable = false, length = 36)
    private String eventId;

    @Column(name = "EVENT_TYPE", nullable = false, length = 128)
    private String eventType;

    @Column(name = "TICKET_ID", nullable = false, length = 36)
    private String ticketId;

    @Column(name = "RECIPIENT", nullable = false, length = 320)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(name = "RECIPIENT_ROLE", nullable = false, length = 20)
    private NotificationRecipients.Role role;

    /** UTC; EclipseLink in Liberty generates no TIMESTAMP column for Instant (see the workflow entities). */
    @Column(name = "CREATED_AT", nullable = false)
    private LocalDateTime createdAt;

    protected TicketNotification() {
    }

    public TicketNotification(String tenantId, String eventId, String eventType, String ticketId,
                              NotificationRecipients.Recipient recipient, LocalDateTime createdAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.eventId = eventId;
        this.eventType = eventType;
        this.ticketId = ticketId;
        this.recipient = recipient.email();
        this.role = recipient.role();
        this.createdAt = createdAt;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getRecipient() {
        return recipient;
    }

    public NotificationRecipients.Role getRole() {
        return role;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }
}
