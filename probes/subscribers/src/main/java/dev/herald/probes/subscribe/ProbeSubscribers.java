package dev.herald.probes.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import dev.herald.events.types.TicketCreatedV2;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Subscribers for the integration tests. They are never in the production EAR: this package is the probes module's
 * EAR library ({@code herald-probes-subscribers.jar}, which the integration tests add to the built EAR), a library
 * because observers in a WAR are not seen by the EJB module's {@code Event}. They read their own channels,
 * {@code subscriber-it} and {@code subscriber-isolation}, so no other test's events reach them. Every invocation is
 * recorded in {@link ProbeRecorder} before the probe does its part.
 */
@ApplicationScoped
public class ProbeSubscribers {

    @Inject
    ProbeRecorder recorder;

    @Inject
    HangingProbe hanging;

    void recorder(@Observes @Subscribe(id = "probe-recorder", types = {"TICKET_CREATED", "TICKET_UPDATED"},
            channel = "subscriber-it") ReceivedEvent event) {
        recorder.record("probe-recorder", event);
    }

    /**
     * A typed subscriber of TICKET_CREATED v2 on channel {@code versions-it}: the entries there are v1 (the key
     * Herald's subscribers read), so each reaches it upcast to {@link TicketCreatedV2} (EventVersionsIT).
     */
    void ticketCreatedV2(@Observes @Subscribe(id = "probe-ticket-created-v2", channel = "versions-it") TicketCreatedV2 event) {
        recorder.recordTyped("probe-ticket-created-v2", event);
    }

    void tenantA(@Observes @Subscribe(id = "probe-tenant-a", types = "TICKET_CREATED", channel = "subscriber-it",
            tenants = "probe-tenant-a") ReceivedEvent event) {
        recorder.record("probe-tenant-a", event);
    }

    void succeeds(@Observes @Subscribe(id = "probe-succeeds", types = "TICKET_CREATED",
            channel = "subscriber-isolation") ReceivedEvent event) {
        recorder.record("probe-succeeds", event);
    }

    void throwsAlways(@Observes @Subscribe(id = "probe-throws", types = "TICKET_CREATED",
            channel = "subscriber-isolation") ReceivedEvent event) {
        recorder.record("probe-throws", event);
        throw new IllegalStateException("probe-throws fails on every event (event " + event.id() + ")");
    }

    /**
     * Hangs until the test releases the event ({@link HangingProbe}): it never finishes within any handler timeout,
     * so each delivery times it out, whatever the machine's speed.
     */
    void hangs(@Observes @Subscribe(id = "probe-hangs", types = "TICKET_CREATED",
            channel = "subscriber-isolation") ReceivedEvent event) {
        recorder.record("probe-hangs", event);
        hanging.hang(event.id());
    }
}
