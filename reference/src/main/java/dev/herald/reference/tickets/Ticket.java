package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.util.UUID;

/** A support ticket. Its number is unique within the tenant. */
@Entity
@Table(name = "HERALD_TICKET", uniqueConstraints = @UniqueConstraint(name = "UK_TICKET_NUMBER", columnNames = {"TENANT_ID", "TICKET_NUMBER"}))
public class Ticket implements TenantOwned {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "TICKET_NUMBER", nullable = false, length = 64)
    private String ticketNumber;

    @Column(name = "TITLE", nullable = false, length = 500)
    private String title;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected Ticket() {
    }

    public Ticket(String tenantId, String ticketNumber, String title, Instant createdAt) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.ticketNumber = ticketNumber;
        this.title = title;
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getTenantId() {
        return tenantId;
    }

    public String getTicketNumber() {
        return ticketNumber;
    }

    public String getTitle() {
        return title;
    }

    void rename(String title) {
        this.title = title;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
