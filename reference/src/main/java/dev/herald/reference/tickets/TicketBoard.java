package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A board (queue) of a tenant's tickets. Moving a ticket onto an escalation board from one that is not escalates it
 * (TICKET_ESCALATED).
 */
@Entity
@Table(name = "HERALD_TICKET_BOARD")
public class TicketBoard extends NamedEntry {

    @Column(name = "IS_ESCALATION", nullable = false)
    private boolean escalation;

    protected TicketBoard() {
    }

    public TicketBoard(String tenantId, String name, boolean escalation) {
        super(tenantId, name);
        this.escalation = escalation;
    }

    public boolean isEscalation() {
        return escalation;
    }
}
