package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Who a ticket is for and who works on it: its client company and its assigned user, one row per ticket. A table
 * of its own rather than columns on HERALD_TICKET: schema generation creates missing tables but never alters an
 * existing one, so a database created before this existed keeps working.
 */
@Entity
@Table(name = "HERALD_TICKET_ASSIGNMENT")
public class TicketAssignment {

    @Id
    @Column(name = "TICKET_ID", length = 36)
    private String ticketId;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "COMPANY_ID", length = 36)
    private String companyId;

    @Column(name = "ASSIGNED_TO", length = 36)
    private String assignedTo;

    protected TicketAssignment() {
    }

    public TicketAssignment(Ticket ticket) {
        this.ticketId = ticket.getId();
        this.tenantId = ticket.getTenantId();
    }

    public String getTicketId() {
        return ticketId;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getCompanyId() {
        return companyId;
    }

    void setCompanyId(String companyId) {
        this.companyId = companyId;
    }

    public String getAssignedTo() {
        return assignedTo;
    }

    void setAssignedTo(String assignedTo) {
        this.assignedTo = assignedTo;
    }
}
