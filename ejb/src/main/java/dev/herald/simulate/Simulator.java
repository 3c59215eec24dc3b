package dev.herald.simulate;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.events.InvalidEventException;
import dev.herald.workflow.TriggerReport;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What one simulation does, without a container: the event goes to the real publisher marked as simulated (or,
 * for a dry run, only through its enrichment and checks), the workflows it reaches are reported, and the attempt is
 * recorded whatever its outcome. Enrichment (occurredAt, actor) and validation are the publisher's alone, so a
 * simulated event is exactly what business code publishing it would send.
 */
public final class Simulator {

    /** The publisher's two doors: {@code publish} sends, {@code preview} builds the same envelope and sends nothing. */
    public interface Pipeline {
        EventEnvelope publish(DomainEvent event);

        EventEnvelope preview(DomainEvent event);
    }

    /** Where simulations are recorded. */
    public interface Journal {
        /** In the caller's transaction: a published simulation's record commits exactly when its event does. */
        void record(Simulation simulation);

        /** In a transaction of its own: the refusal is recorded however the caller's transaction ends. */
        void recordRefusal(Simulation simulation);
    }

    private final Pipeline pipeline;
    private final Journal journal;
    private final TriggerReport triggers;
    private final Clock clock;
    private final Supplier<UUID> ids;

    public Simulator(Pipeline pipeline, Journal journal, TriggerReport triggers, Clock clock, Supplier<UUID> ids) {
        this.pipeline = pipeline;
        this.journal = journal;
        this.triggers = triggers;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * @param event its payload already carries the caller's tenant (the web layer refused another one)
     * @throws InvalidEventException with every issue, as the publisher refused it; the refusal is recorded first
     */
    public SimulationResult simulate(String tenant, String user, DomainEvent event, boolean dryRun) {
        Objects.requireNonNull(tenant, "tenant");
        String simulationId = ids.get().toString();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        DomainEvent simulated = event.asSimulated();
        EventEnvelope envelope;
        try {
            envelope = dryRun ? pipeline.preview(simulated) : pipeline.publish(simulated);
        } catch (InvalidEventException refused) {
            journal.recordRefusal(new Simulation(simulationId, tenant, user, at, event.eventType(), null, dryRun,
                    SimulationOutcome.INVALID, refused.issues().size()));
            throw refused;
        }
        Optional<String> eventId = dryRun ? Optional.empty() : Optional.of(envelope.id());
        journal.record(new Simulation(simulationId, tenant, user, at, event.eventType(), eventId.orElse(null), dryRun,
                dryRun ? SimulationOutcome.DRY_RUN : SimulationOutcome.PUBLISHED, 0));
        return new SimulationResult(simulationId, event.eventType(), eventId, dryRun, envelope.payload(),
                triggers.forEvent(envelope.eventType(), tenant, envelope.payload()));
    }
}
