package dev.herald.reference.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A priority a tenant's tickets can take. */
@Entity
@Table(name = "HERALD_TICKET_PRIORITY")
public class TicketPriority extends NamedEntry {

    protected TicketPriority() {
    }

    public TicketPriority(String tenantId, String name) {
        super(tenantId, name);
    }
}
