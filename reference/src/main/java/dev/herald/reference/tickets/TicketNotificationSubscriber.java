package dev.herald.reference.tickets;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The reference subscriber (AlgaPSA's ticket email subscriber): on every ticket lifecycle event it records a
 * notification for the client company, the assignee and the additional resources of the ticket.
 */
@ApplicationScoped
public class TicketNotificationSubscriber {

    @Inject
    TicketNotifications notifications;

    void onTicketEvent(@Observes @Subscribe(id = "ticket-notifications",
            types = {"TICKET_CREATED", "TICKET_UPDATED", "TICKET_ASSIGNED", "TICKET_CLOSED"}) ReceivedEvent event) {
        notifications.record(event);
    }
}
