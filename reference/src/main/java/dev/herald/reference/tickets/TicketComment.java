package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A comment on a ticket: public (a message the client sees) or internal (a note), by a user or a client contact. */
@Entity
@Table(name = "HERALD_TICKET_COMMENT")
public class TicketComment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "TICKET_ID", nullable = false, length = 36)
    private String ticketId;

    @Column(name = "BODY", nullable = false, length = 8000)
    private String body;

    @Column(name = "IS_INTERNAL", nullable = false)
    private boolean internal;

    @Column(name = "AUTHOR_ID", nullable = false, length = 36)
    private String authorId;

    /** {@code user} or {@code contact}. */
    @Column(name = "AUTHOR_TYPE", nullable = false, length = 16)
    private String authorType;

    @Column(name = "CHANNEL", nullable = false, length = 16)
    private String channel;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    protected TicketComment() {
    }

    TicketComment(Ticket ticket, TicketTransitions.Comment comment, Instant createdAt) {
        this.id = comment.id();
        this.tenantId = ticket.getTenantId();
        this.ticketId = ticket.getId();
        this.body = comment.body();
        this.internal = comment.internal();
        this.authorId = comment.authorId();
        this.authorType = comment.authorType();
        this.channel = comment.channel();
        this.createdAt = createdAt;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    public String getId() {
        return id;
    }
}
