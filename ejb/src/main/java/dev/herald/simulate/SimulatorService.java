package dev.herald.simulate;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventPublisher;
import dev.herald.workflow.TriggerReport;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The simulator's transaction boundary; {@link Simulator} decides. A published simulation's send and its record
 * commit together; a refused one is recorded in a transaction of its own ({@link SimulationJournal#recordRefusal}).
 */
@Stateless
public class SimulatorService {

    @Inject
    Clock clock;

    @Inject
    EventPublisher publisher;

    @Inject
    SimulationJournal journal;

    @Inject
    TriggerReport triggers;

    private Simulator simulator;

    @PostConstruct
    void init() {
        Simulator.Pipeline pipeline = new Simulator.Pipeline() {
            @Override
            public EventEnvelope publish(DomainEvent event) {
                return publisher.publish(event);
            }

            @Override
            public EventEnvelope preview(DomainEvent event) {
                return publisher.preview(event);
            }
        };
        Simulator.Journal records = new Simulator.Journal() {
            @Override
            public void record(Simulation simulation) {
                journal.record(simulation);
            }

            @Override
            public void recordRefusal(Simulation simulation) {
                journal.recordRefusal(simulation);
            }
        };
        simulator = new Simulator(pipeline, records, triggers, clock, UUID::randomUUID);
    }

    /** @see Simulator#simulate */
    public SimulationResult simulate(String tenant, String user, DomainEvent event, boolean dryRun) {
        return simulator.simulate(tenant, user, event, dryRun);
    }

    public List<SimulationView> recent(RecentSimulations query) {
        return journal.recent(query);
    }
}
