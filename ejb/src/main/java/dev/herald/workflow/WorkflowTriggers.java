package dev.herald.workflow;

import dev.herald.versions.EventVersions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What one domain event from the workflow stream does, in one transaction: start an execution of every definition
 * whose trigger matches ({@link TriggerMatcher#starts}), and hand the event to the waiting executions correlated with
 * it ({@link TriggerMatcher#resumes}), or keep it as an {@link EarlyEvent} when no execution of that workflow and
 * key exists yet. Every effect carries an event id derived from the domain event's ({@link TriggerIds}), so a
 * redelivered entry starts, delivers and buffers nothing twice.
 */
@Stateless
public class WorkflowTriggers {

    private static final Logger LOG = Logger.getLogger(WorkflowTriggers.class.getName());

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    WorkflowService workflows;

    @Inject
    WorkflowSettings settings;

    @Inject
    EventVersions versions;

    private TriggerMatcher matcher;

    @PostConstruct
    void init() {
        matcher = new TriggerMatcher(definitions.newest());
    }

    public void handle(WorkflowStreamEntry entry) {
        String tenant = entry.tenant();
        for (TriggerMatch match : matcher.starts(entry.eventType(), tenant, entry.payload())) {
            String startId = TriggerIds.start(entry.eventId(), match.definition().name());
            if (!workflows.isJournaled(tenant, startId)) {
                workflows.start(tenant, match.definition().name(), entry.payload(), match.correlationKey().orElse(null),
                        entry.userId(), startId);
            }
        }
        for (Correlation correlation : matcher.resumes(entry.eventName(), tenant, entry.payload())) {
            resume(entry, correlation);
        }
    }

    /** Removes the early events whose time ran out; returns how many. */
    public int purgeExpiredEarlyEvents() {
        return em.createQuery("DELETE FROM EarlyEvent b WHERE b.expiresAt <= :now")
                .setParameter("now", UtcColumns.toColumn(clock.instant())).executeUpdate();
    }

    public List<EarlyEventView> earlyEvents(String tenantId) {
        return em.createQuery("SELECT b FROM EarlyEvent b WHERE b.tenantId = :tenant ORDER BY b.receivedAt, b.id",
                        EarlyEvent.class)
                .setParameter("tenant", tenantId).setMaxResults(500).getResultStream().map(EarlyEvent::view).toList();
    }

    private void resume(WorkflowStreamEntry entry, Correlation correlation) {
        List<WorkflowExecution> open = em.createQuery("SELECT e FROM WorkflowExecution e WHERE e.tenantId = :tenant"
                        + " AND e.workflowName = :workflow AND e.correlationKey = :key AND e.status <> :completed"
                        + " ORDER BY e.createdAt, e.id", WorkflowExecution.class)
                .setParameter("tenant", entry.tenant()).setParameter("workflow", correlation.workflowName())
                .setParameter("key", correlation.key()).setParameter("completed", ExecutionStatus.COMPLETED)
                .getResultList();
        if (open.isEmpty()) {
            buffer(entry, correlation);
            return;
        }
        for (WorkflowExecution execution : open) {
            ExecutionState state = execution.state();
            String deliveryId = TriggerIds.delivery(entry.eventId(), execution.getId());
            WorkflowDefinition definition = definitions.get(execution.getWorkflowName(), execution.getWorkflowVersion());
            // The workflow stream carries v1; the definition's guards may read a later version.
            if (state.status() == ExecutionStatus.WAITING && WorkflowReducer.accepts(definition, state, entry.eventName(),
                    JournalVersions.payloadAsRead(definition, entry.eventName(), 1, entry.payload(), versions))) {
                workflows.submitEvent(entry.tenant(), execution.getId(), state.sequence(), deliveryId, entry.eventName(),
                        entry.payload(), entry.userId());
            } else if (!workflows.isJournaled(entry.tenant(), deliveryId)) {
                LOG.info("Workflow event " + entry.eventId() + " (" + entry.eventName() + ") correlated with execution "
                        + execution.getId() + " is not accepted in its state '" + state.currentState() + "' ("
                        + state.status() + "); not delivered");
            }
        }
    }

    private void buffer(WorkflowStreamEntry entry, Correlation correlation) {
        Optional<EarlyEvent> kept = em.createQuery("SELECT b FROM EarlyEvent b WHERE b.tenantId = :tenant"
                        + " AND b.eventId = :event AND b.workflowName = :workflow", EarlyEvent.class)
                .setParameter("tenant", entry.tenant()).setParameter("event", entry.eventId())
                .setParameter("workflow", correlation.workflowName()).getResultStream().findFirst();
        if (kept.isEmpty()) {
            Instant now = clock.instant();
            em.persist(new EarlyEvent(entry.tenant(), correlation, entry, now, now.plus(settings.earlyEventTtl())));
        }
    }
}
