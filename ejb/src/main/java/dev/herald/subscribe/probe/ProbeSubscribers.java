package dev.herald.subscribe.probe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Subscribers for the integration tests, shipped in the EAR (the tests deploy the built EAR) and consumed only when
 * {@code herald.subscribe.probes.enabled=true}, which only the integration-test server sets. They read their own
 * channels, {@code subscriber-it} and {@code subscriber-isolation}, so no other test's events reach them. Every
 * invocation is recorded in {@link ProbeRecorder} before the probe does its part.
 */
@ApplicationScoped
public class ProbeSubscribers {

    public static final String ENABLED = "herald.subscribe.probes.enabled";

    @Inject
    ProbeRecorder recorder;

    @Inject
    HangingProbe hanging;

    void recorder(@Observes @Subscribe(id = "probe-recorder", types = {"TICKET_CREATED", "TICKET_UPDATED"},
            channel = "subscriber-it", enabledBy = ENABLED) ReceivedEvent event) {
        recorder.record("probe-recorder", event);
    }

    void tenantA(@Observes @Subscribe(id = "probe-tenant-a", types = "TICKET_CREATED", channel = "subscriber-it",
            tenants = "probe-tenant-a", enabledBy = ENABLED) ReceivedEvent event) {
        recorder.record("probe-tenant-a", event);
    }

    void succeeds(@Observes @Subscribe(id = "probe-succeeds", types = "TICKET_CREATED", channel = "subscriber-isolation",
            enabledBy = ENABLED) ReceivedEvent event) {
        recorder.record("probe-succeeds", event);
    }

    void throwsAlways(@Observes @Subscribe(id = "probe-throws", types = "TICKET_CREATED", channel = "subscriber-isolation",
            enabledBy = ENABLED) ReceivedEvent event) {
        recorder.record("probe-throws", event);
        throw new IllegalStateException("probe-throws fails on every event (event " + event.id() + ")");
    }

    /**
     * Hangs until the test releases the event ({@link HangingProbe}): it never finishes within any handler timeout,
     * so each delivery times it out, whatever the machine's speed.
     */
    void hangs(@Observes @Subscribe(id = "probe-hangs", types = "TICKET_CREATED", channel = "subscriber-isolation",
            enabledBy = ENABLED) ReceivedEvent event) {
        recorder.record("probe-hangs", event);
        hanging.hang(event.id());
    }
}
