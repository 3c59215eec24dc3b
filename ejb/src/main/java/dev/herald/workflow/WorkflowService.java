package dev.herald.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts workflow executions, applies events to them synchronously, and answers what they are (now or at an
 * earlier sequence or time). Storage only: every decision is taken by the pure classes ({@link WorkflowReducer},
 * {@link SnapshotSelector}, {@link Replayer}, {@link SnapshotPolicy}), so a replayed state is computed by the same
 * code as the state a submission returned. A malformed request is refused with an
 * {@link InvalidWorkflowRequestException} (see {@link InvalidRequestTranslation}).
 */
@Stateless
@Interceptors(InvalidRequestTranslation.class)
public class WorkflowService {

    private static final int MAX_PAGE_SIZE = 500;

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    @ConfigProperty(name = "herald.workflow.snapshot-every", defaultValue = "50")
    int snapshotEvery;

    @Inject
    @ConfigProperty(name = "herald.workflow.snapshots-kept", defaultValue = "3")
    int snapshotsKept;

    private SnapshotPolicy policy;

    @PostConstruct
    void init() {
        policy = new SnapshotPolicy(snapshotEvery, snapshotsKept);
    }

    public ExecutionSummary start(String tenantId, String workflowName) {
        return start(tenantId, workflowName, JsonValue.EMPTY_JSON_OBJECT, null, null);
    }

    /**
     * Starts an execution of the newest version of the workflow. The start is journaled at sequence 0 with the
     * initial data as its payload, so the journal alone replays to every later state.
     */
    public ExecutionSummary start(String tenantId, String workflowName, JsonObject initialData, String correlationKey,
                                  String userId) {
        requireText(tenantId, "tenant");
        WorkflowDefinition definition = definitions.latest(workflowName).orElseThrow(() -> new IllegalArgumentException(
                "no workflow named " + workflowName + "; deployed are " + definitions.all()));
        WorkflowEvent started = WorkflowEvent.started(initialData == null ? JsonValue.EMPTY_JSON_OBJECT : initialData, now());
        ExecutionState state = WorkflowReducer.start(definition, started);
        WorkflowExecution execution = new WorkflowExecution(tenantId, definition, state, correlationKey, started.occurredAt());
        em.persist(execution);
        em.persist(JournalEntry.applied(tenantId, execution.getId(), UUID.randomUUID().toString(),
                WorkflowEvent.STARTED, WorkflowEvent.STARTED, null, started, state, userId));
        return ExecutionSummary.of(execution);
    }

    /**
     * Applies one event and returns the new state. {@code expectedSequence} is the sequence of the state the caller
     * acted on; the event is journaled at the next one. An event the current state does not accept is refused
     * ({@link TransitionRefusedException}) and journals nothing. An event id journaled before returns the state
     * that event produced, and journals nothing.
     *
     * @throws SequenceConflictException when the execution has moved on, including by a concurrent append
     */
    public ExecutionState submitEvent(String tenantId, String executionId, long expectedSequence, String eventId,
                                      String eventName, JsonObject payload, String userId) {
        requireText(eventId, "eventId");
        requireText(eventName, "eventName");
        Optional<JournalEntry> earlier = journaled(tenantId, eventId);
        if (earlier.isPresent()) {
            return firstResult(tenantId, executionId, eventName, earlier.get());
        }
        WorkflowExecution execution = find(tenantId, executionId);
        if (execution.getLastSequence() != expectedSequence) {
            throw new SequenceConflictException(executionId, expectedSequence,
                    "it is at " + execution.getLastSequence() + "; reload the state and resubmit", null);
        }
        WorkflowDefinition definition = definitions.get(execution.getWorkflowName(), execution.getWorkflowVersion());
        ExecutionState before = execution.state();
        WorkflowEvent event = new WorkflowEvent(expectedSequence + 1, eventName,
                payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload, execution.nextEventAt(now()));
        ExecutionState after = WorkflowReducer.apply(definition, before, event);
        em.persist(JournalEntry.applied(tenantId, executionId, eventId, eventName, eventName, before.currentState(),
                event, after, userId));
        execution.advance(after, event.occurredAt());
        flushOrConflict(executionId, expectedSequence);
        if (policy.shouldSnapshot(after.sequence())) {
            store(tenantId, executionId, Snapshot.of(after, event.occurredAt(), now()));
        }
        return after;
    }

    public ExecutionSummary execution(String tenantId, String executionId) {
        return ExecutionSummary.of(find(tenantId, executionId));
    }

    /** The current state, read from the execution row that every append updates: no replay. */
    public ExecutionState state(String tenantId, String executionId) {
        return find(tenantId, executionId).state();
    }

    /** The state right after the event at {@code sequence}, replayed from the newest snapshot not beyond it. */
    public Replay stateUntil(String tenantId, String executionId, long sequence, boolean trace) {
        return traced(replay(tenantId, executionId, ReplayBound.atSequence(sequence)), trace);
    }

    /** The state as of {@code instant}: after the last event that occurred at or before it. */
    public Replay stateUntil(String tenantId, String executionId, Instant instant, boolean trace) {
        return traced(replay(tenantId, executionId, ReplayBound.atTime(instant)), trace);
    }

    /** The state as replayed from snapshot and journal now, for comparing with {@link #state}. */
    public Replay replayLatest(String tenantId, String executionId, boolean trace) {
        return traced(replay(tenantId, executionId, ReplayBound.latest()), trace);
    }

    public JournalPage journal(String tenantId, String executionId, int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        find(tenantId, executionId);
        List<JournalView> entries = em.createQuery("SELECT j FROM JournalEntry j WHERE j.tenantId = :tenant"
                        + " AND j.executionId = :execution ORDER BY j.sequence", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId)
                .setFirstResult(page * size).setMaxResults(size)
                .getResultStream().map(JournalEntry::view).toList();
        long total = em.createQuery("SELECT COUNT(j) FROM JournalEntry j WHERE j.tenantId = :tenant"
                        + " AND j.executionId = :execution", Long.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId).getSingleResult();
        return new JournalPage(entries, total, page, size);
    }

    /** Every stored snapshot of the execution, newest (highest sequence) first, whatever its reducer version. */
    public List<Snapshot> snapshots(String tenantId, String executionId) {
        find(tenantId, executionId);
        return snapshotRows(tenantId, executionId).stream().map(WorkflowSnapshot::snapshot).toList();
    }

    /** Snapshots the current state now (whatever the policy says), then prunes to the newest K. */
    public Snapshot takeSnapshot(String tenantId, String executionId) {
        WorkflowExecution execution = find(tenantId, executionId);
        Optional<Snapshot> existing = snapshotRows(tenantId, executionId).stream().map(WorkflowSnapshot::snapshot)
                .filter(s -> s.sequence() == execution.getLastSequence() && s.reducerVersion() == WorkflowReducer.REDUCER_VERSION)
                .findFirst();
        return existing.orElseGet(() -> store(tenantId, executionId,
                Snapshot.of(execution.state(), execution.getLastEventAt(), now())));
    }

    private Replay replay(String tenantId, String executionId, ReplayBound bound) {
        long started = System.nanoTime();
        WorkflowExecution execution = find(tenantId, executionId);
        if (bound instanceof ReplayBound.AtSequence at && at.sequence() > execution.getLastSequence()) {
            throw new IllegalArgumentException("execution " + executionId + " is at sequence " + execution.getLastSequence()
                    + "; there is no state at " + at.sequence() + " yet");
        }
        WorkflowDefinition definition = definitions.get(execution.getWorkflowName(), execution.getWorkflowVersion());
        List<Snapshot> snapshots = snapshotRows(tenantId, executionId).stream()
                .filter(row -> row.getReducerVersion() == WorkflowReducer.REDUCER_VERSION)
                .map(WorkflowSnapshot::snapshot).toList();
        Optional<Snapshot> from = SnapshotSelector.select(snapshots, bound);
        long first = from.map(s -> s.sequence() + 1).orElse(0L);
        long last = lastSequenceWithin(execution, bound, first);
        List<WorkflowEvent> events = first > last ? List.of() : em.createQuery("SELECT j FROM JournalEntry j"
                        + " WHERE j.tenantId = :tenant AND j.executionId = :execution"
                        + " AND j.sequence >= :first AND j.sequence <= :last ORDER BY j.sequence", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId)
                .setParameter("first", first).setParameter("last", last)
                .getResultStream().map(JournalEntry::event).toList();
        Replay replay = Replayer.replay(definition, from, events, bound);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Replay(replay.state(), replay.trace().map(trace -> trace.withMillis(millis)));
    }

    /** The last sequence a replay to the bound needs, so that events after it are not even loaded. */
    private long lastSequenceWithin(WorkflowExecution execution, ReplayBound bound, long first) {
        if (bound instanceof ReplayBound.AtSequence at) {
            return at.sequence();
        }
        if (bound instanceof ReplayBound.AtTime at) {
            Long firstAfter = em.createQuery("SELECT MIN(j.sequence) FROM JournalEntry j WHERE j.tenantId = :tenant"
                            + " AND j.executionId = :execution AND j.sequence >= :first AND j.createdAt > :instant", Long.class)
                    .setParameter("tenant", execution.getTenantId()).setParameter("execution", execution.getId())
                    .setParameter("first", first).setParameter("instant", UtcColumns.toColumn(at.instant())).getSingleResult();
            return firstAfter == null ? execution.getLastSequence() : firstAfter - 1;
        }
        return execution.getLastSequence();
    }

    private Snapshot store(String tenantId, String executionId, Snapshot snapshot) {
        List<WorkflowSnapshot> existing = snapshotRows(tenantId, executionId);
        em.persist(new WorkflowSnapshot(tenantId, executionId, snapshot));
        List<Long> current = new ArrayList<>(existing.stream()
                .filter(row -> row.getReducerVersion() == WorkflowReducer.REDUCER_VERSION).map(WorkflowSnapshot::getSequence).toList());
        current.add(snapshot.sequence());
        List<Long> pruned = policy.toPrune(current);
        // Snapshots of another reducer version are never used again (replay ignores them), so they go too.
        existing.stream().filter(row -> row.getReducerVersion() != WorkflowReducer.REDUCER_VERSION || pruned.contains(row.getSequence()))
                .forEach(em::remove);
        return snapshot;
    }

    private List<WorkflowSnapshot> snapshotRows(String tenantId, String executionId) {
        return em.createQuery("SELECT s FROM WorkflowSnapshot s WHERE s.tenantId = :tenant AND s.executionId = :execution"
                        + " ORDER BY s.sequence DESC", WorkflowSnapshot.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId).getResultList();
    }

    private ExecutionState firstResult(String tenantId, String executionId, String eventName, JournalEntry earlier) {
        if (!earlier.getExecutionId().equals(executionId)) {
            throw new IllegalArgumentException("event id " + earlier.getEventId() + " was already journaled for execution "
                    + earlier.getExecutionId() + ", not " + executionId);
        }
        if (!earlier.event().eventName().equals(eventName)) {
            throw new IllegalArgumentException("event id " + earlier.getEventId() + " was already journaled as "
                    + earlier.event().eventName() + ", not " + eventName);
        }
        return replay(tenantId, executionId, ReplayBound.atSequence(earlier.getSequence())).state();
    }

    private Optional<JournalEntry> journaled(String tenantId, String eventId) {
        return em.createQuery("SELECT j FROM JournalEntry j WHERE j.tenantId = :tenant AND j.eventId = :event", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("event", eventId).getResultStream().findFirst();
    }

    private WorkflowExecution find(String tenantId, String executionId) {
        WorkflowExecution execution = executionId == null ? null : em.find(WorkflowExecution.class, executionId);
        if (execution == null || !execution.getTenantId().equals(tenantId)) {
            throw new UnknownExecutionException(tenantId, executionId);
        }
        return execution;
    }

    /**
     * Writes the append now, so that losing a race surfaces here as a conflict: the (execution, sequence) and
     * (tenant, event id) constraints, or the execution's version, refuse the second of two concurrent appends.
     */
    private void flushOrConflict(String executionId, long expectedSequence) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof OptimisticLockException || isConflict(e)) {
                throw new SequenceConflictException(executionId, expectedSequence,
                        "a concurrent submission was appended first; reload the state and resubmit", e);
            }
            throw e;
        }
    }

    /** SQL state class 23 (integrity constraint) or 40001 (serialization failure, Derby's deadlock victim). */
    private static boolean isConflict(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("40001"))) {
                return true;
            }
        }
        return false;
    }

    private static Replay traced(Replay replay, boolean trace) {
        return trace ? replay : replay.withoutTrace();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
