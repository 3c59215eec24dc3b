package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.util.UUID;

/** A user working on a ticket besides its assignee (AlgaPSA's ticket_resources). */
@Entity
@Table(name = "HERALD_TICKET_RESOURCE",
        uniqueConstraints = @UniqueConstraint(name = "UK_TICKET_RESOURCE", columnNames = {"TICKET_ID", "USER_ID"}))
public class TicketAdditionalResource {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "TICKET_ID", nullable = false, length = 36)
    private String ticketId;

    @Column(name = "USER_ID", nullable = false, length = 36)
    private String userId;

    protected TicketAdditionalResource() {
    }

    public TicketAdditionalResource(String tenantId, String ticketId, String userId) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.ticketId = ticketId;
        this.userId = userId;
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getUserId() {
        return userId;
    }
}
