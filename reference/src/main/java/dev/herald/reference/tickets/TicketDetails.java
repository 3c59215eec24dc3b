package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ticket's description, status, priority and board, one row per ticket. A table of its own rather than columns
 * on HERALD_TICKET for the same reason as {@link TicketAssignment}: schema generation never alters an existing
 * table. A ticket opened before this existed has no row until its first change.
 */
@Entity
@Table(name = "HERALD_TICKET_DETAILS")
public class TicketDetails {

    @Id
    @Column(name = "TICKET_ID", length = 36)
    private String ticketId;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "DESCRIPTION", length = 4000)
    private String description;

    @Column(name = "STATUS_ID", length = 36)
    private String statusId;

    @Column(name = "PRIORITY_ID", length = 36)
    private String priorityId;

    @Column(name = "BOARD_ID", length = 36)
    private String boardId;

    protected TicketDetails() {
    }

    public TicketDetails(Ticket ticket) {
        this.ticketId = ticket.getId();
        this.tenantId = ticket.getTenantId();
    }

    public String getDescription() {
        return description;
    }

    public String getStatusId() {
        return statusId;
    }

    public String getPriorityId() {
        return priorityId;
    }

    public String getBoardId() {
        return boardId;
    }

    void apply(TicketState state) {
        description = state.description();
        statusId = state.statusId();
        priorityId = state.priorityId();
        boardId = state.boardId();
    }
}
