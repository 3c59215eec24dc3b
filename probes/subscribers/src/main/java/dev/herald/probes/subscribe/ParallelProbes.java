package dev.herald.probes.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.events.Subscribe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * The subscribers of ParallelDeliveryIT, each on a channel of its own: {@code probe-ordered} takes a few hundred
 * microseconds, unevenly, per event, so that deliveries running side by side would finish out of order if the
 * consumer let them; {@code probe-slow} blocks while the test holds its tenant's gate closed ({@link TenantGates}),
 * and records {@code probe-slow-entered} on entry and {@code probe-slow} once through.
 */
@ApplicationScoped
public class ParallelProbes {

    @Inject
    ProbeRecorder recorder;

    @Inject
    TenantGates gates;

    void ordered(@Observes @Subscribe(id = "probe-ordered", types = "TICKET_CREATED", channel = "subscriber-ordering")
                 ReceivedEvent event) {
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(500_000));
        recorder.record("probe-ordered", event);
    }

    void slow(@Observes @Subscribe(id = "probe-slow", types = "TICKET_CREATED", channel = "subscriber-slow")
              ReceivedEvent event) {
        recorder.record("probe-slow-entered", event);
        gates.pass(event.tenantId());
        recorder.record("probe-slow", event);
    }
}
