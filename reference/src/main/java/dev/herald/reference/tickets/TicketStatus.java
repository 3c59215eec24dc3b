package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A status a tenant's tickets can take; entering a closed one closes the ticket (TICKET_CLOSED). */
@Entity
@Table(name = "HERALD_TICKET_STATUS")
public class TicketStatus extends NamedEntry {

    @Column(name = "IS_CLOSED", nullable = false)
    private boolean closed;

    protected TicketStatus() {
    }

    public TicketStatus(String tenantId, String name, boolean closed) {
        super(tenantId, name);
        this.closed = closed;
    }

    public boolean isClosed() {
        return closed;
    }
}
