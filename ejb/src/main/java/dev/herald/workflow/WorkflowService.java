package dev.herald.workflow;

import dev.herald.versions.EventVersions;
import dev.herald.kernel.NotFoundException;
import dev.herald.kernel.Paging;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

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
    Clock clock;

    @Inject
    WorkflowDefinitions definitions;

    @Inject
    WorkflowSettings settings;

    @Inject
    EventVersions versions;

    private SnapshotPolicy policy;

    @PostConstruct
    void init() {
        policy = settings.snapshotPolicy();
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
        return start(tenantId, workflowName, initialData, correlationKey, userId, UUID.randomUUID().toString());
    }

    /**
     * As {@link #start(String, String, JsonObject, String, String)}, with the event id of the start journaled at
     * sequence 0 (a trigger derives it from the domain event, so a redelivery finds it). An execution with a
     * correlation key then takes, in arrival order, every buffered early event for that key its states accept.
     */
    public ExecutionSummary start(String tenantId, String workflowName, JsonObject initialData, String correlationKey,
                                  String userId, String startEventId) {
        requireText(tenantId, "tenant");
        requireText(startEventId, "startEventId");
        WorkflowDefinition definition = definitions.latest(workflowName).orElseThrow(() -> new IllegalArgumentException(
                "no workflow named " + workflowName + "; deployed are " + definitions.all()));
        WorkflowEvent started = WorkflowEvent.started(initialData == null ? JsonValue.EMPTY_JSON_OBJECT : initialData, clock.instant());
        ExecutionState state = WorkflowReducer.start(definition, started);
        WorkflowExecution execution = new WorkflowExecution(tenantId, definition, state, correlationKey, started.occurredAt());
        em.persist(execution);
        em.persist(JournalEntry.applied(tenantId, execution.getId(), startEventId,
                WorkflowEvent.STARTED, WorkflowEvent.STARTED, null, started, state, userId));
        if (correlationKey != null) {
            deliverEarlyEvents(execution, definition);
        }
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
        return submitEvent(tenantId, executionId, expectedSequence, eventId, eventName, payload, 1, userId);
    }

    /**
     * {@link #submitEvent} for a payload of a given version of its type's schema: journaled as it is, and converted to
     * the version the definition reads whenever the reducer applies it ({@link JournalVersions}).
     */
    public ExecutionState submitEvent(String tenantId, String executionId, long expectedSequence, String eventId,
                                      String eventName, JsonObject payload, int version, String userId) {
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
        requireReadable(execution, eventName, version);
        return append(execution, eventId, eventName, payload, version, userId);
    }

    /** A version the definition cannot be given (no converter leads to the one it reads) is the caller's mistake. */
    private void requireReadable(WorkflowExecution execution, String eventName, int version) {
        WorkflowDefinition definition = definitionOf(execution);
        if (!versions.canConvert(eventName, version, definition.versionOf(eventName))) {
            throw new IllegalArgumentException(eventName + " v" + version + " cannot be applied to " + definition
                    + ", which reads v" + definition.versionOf(eventName) + ": no upcaster or downcaster leads there");
        }
    }

    /**
     * Journals the event as PENDING at the execution's next free sequence and returns at once; a worker applies it
     * after every earlier event of the execution (see {@link WorkflowQueue}, {@link QueueRunner}). An event id
     * journaled before returns its row as it is now and journals nothing. Whether the state accepts the event is
     * decided when it is applied: a refusal fails the attempt like any other error.
     */
    public JournalView enqueueEvent(String tenantId, String executionId, String eventId, String eventName,
                                    JsonObject payload, String userId) {
        return enqueueEvent(tenantId, executionId, eventId, eventName, payload, 1, userId);
    }

    /** {@link #enqueueEvent} for a payload of a given version of its type's schema (see {@link #submitEvent}). */
    public JournalView enqueueEvent(String tenantId, String executionId, String eventId, String eventName,
                                    JsonObject payload, int version, String userId) {
        requireText(eventId, "eventId");
        requireText(eventName, "eventName");
        Optional<JournalEntry> earlier = journaled(tenantId, eventId);
        if (earlier.isPresent()) {
            requireSameEvent(executionId, eventName, earlier.get());
            return earlier.get().view();
        }
        // The lock orders enqueues of one execution (and the workers applying its events): the next sequence and
        // time are read and taken under it, and the execution row records the new one.
        WorkflowExecution execution = find(tenantId, executionId, LockModeType.PESSIMISTIC_WRITE);
        long last = execution.getJournaledSequence();
        Instant latest = UtcColumns.fromColumn(em.createQuery("SELECT j.createdAt FROM JournalEntry j WHERE"
                        + " j.tenantId = :tenant AND j.executionId = :execution AND j.sequence = :last", LocalDateTime.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId).setParameter("last", last)
                .getSingleResult());
        requireReadable(execution, eventName, version);
        long sequence = last + 1;
        Instant at = execution.nextEventAt(clock.instant());
        JournalEntry entry = JournalEntry.pending(tenantId, executionId, eventId, eventName, sequence,
                payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload, version, at.isBefore(latest) ? latest : at, userId);
        em.persist(entry);
        execution.enqueued(sequence);
        flushOrConflict(executionId, sequence - 1);
        return entry.view();
    }

    /**
     * Applies a queued event a worker claimed, through the same reducer step as {@link #submitEvent}, and marks it
     * DONE. Returns false, changing nothing, when the claim is no longer the worker's (another took it over).
     *
     * @throws IllegalStateException when the execution is not at the sequence right before the event
     */
    public boolean applyQueued(QueuedEvent claim) {
        WorkflowExecution execution = find(claim.tenantId(), claim.executionId(), LockModeType.PESSIMISTIC_WRITE);
        JournalEntry entry = em.find(JournalEntry.class, claim.rowId());
        if (entry == null || !entry.isClaimedAt(claim.attempts())) {
            return false;
        }
        if (execution.getLastSequence() != entry.getSequence() - 1) {
            throw new IllegalStateException("execution " + execution.getId() + " is at sequence " + execution.getLastSequence()
                    + ", not right before queued event " + entry.getEventId() + " at " + entry.getSequence());
        }
        WorkflowEvent event = entry.event();
        String from = execution.state().currentState();
        ExecutionState after = transition(execution, event);
        // Execution row first, journal row at commit: the same order as every other writer of both.
        project(execution, event, after);
        entry.markDone(from, after);
        return true;
    }

    /**
     * The operator's retry of a DEAD queued event: PENDING again at attempt 0, and the execution's queue open, so
     * the workers apply it and then the events held back behind it, in sequence order. Meant for a failure that has
     * gone away (an outage longer than the retries); an event the state refuses dies again after as many attempts.
     *
     * @throws EventNotDeadException when the event is not DEAD (nothing changes)
     */
    public JournalView retryDead(String tenantId, String executionId, String eventId) {
        requireText(eventId, "eventId");
        WorkflowExecution execution = find(tenantId, executionId, LockModeType.PESSIMISTIC_WRITE);
        JournalEntry entry = journaledIn(execution, eventId);
        entry.revive();
        execution.reopenQueue();
        return entry.view();
    }

    /**
     * The operator's discard of a DEAD queued event, for one that will never apply (the state refuses it): DISCARDED
     * at its sequence, the execution passed over it without a change, and the events held back behind it go on.
     *
     * @throws EventNotDeadException when the event is not DEAD (nothing changes)
     */
    public JournalView discardDead(String tenantId, String executionId, String eventId) {
        requireText(eventId, "eventId");
        WorkflowExecution execution = find(tenantId, executionId, LockModeType.PESSIMISTIC_WRITE);
        JournalEntry entry = journaledIn(execution, eventId);
        entry.discard(execution.state().currentState());
        WorkflowEvent event = entry.event();
        project(execution, event, transition(execution, event));
        return entry.view();
    }

    private JournalEntry journaledIn(WorkflowExecution execution, String eventId) {
        return journaled(execution.getTenantId(), eventId).filter(row -> row.getExecutionId().equals(execution.getId()))
                .orElseThrow(() -> new NotFoundException("execution " + execution.getId() + " has no event " + eventId));
    }

    /** Whether an event id is journaled in the tenant (by any execution). */
    public boolean isJournaled(String tenantId, String eventId) {
        return journaled(tenantId, eventId).isPresent();
    }

    public ExecutionSummary execution(String tenantId, String executionId) {
        return ExecutionSummary.of(find(tenantId, executionId));
    }

    /** The tenant's executions with this correlation key (any workflow), oldest first. */
    public List<ExecutionSummary> executionsCorrelatedWith(String tenantId, String correlationKey) {
        requireText(correlationKey, "correlationKey");
        return em.createQuery("SELECT e FROM WorkflowExecution e WHERE e.tenantId = :tenant AND e.correlationKey = :key"
                        + " ORDER BY e.createdAt, e.id", WorkflowExecution.class)
                .setParameter("tenant", tenantId).setParameter("key", correlationKey).setMaxResults(MAX_PAGE_SIZE)
                .getResultStream().map(ExecutionSummary::of).toList();
    }

    /** One page of the tenant's executions (of one workflow when {@code workflowName} is given), newest first. */
    public List<ExecutionSummary> recentExecutions(String tenantId, String workflowName, int page, int size) {
        int first = Paging.firstResult(page, size, MAX_PAGE_SIZE);
        boolean oneWorkflow = workflowName != null && !workflowName.isBlank();
        var query = em.createQuery("SELECT e FROM WorkflowExecution e WHERE e.tenantId = :tenant"
                        + (oneWorkflow ? " AND e.workflowName = :workflow" : "") + " ORDER BY e.createdAt DESC, e.id",
                        WorkflowExecution.class)
                .setParameter("tenant", tenantId).setFirstResult(first).setMaxResults(size);
        if (oneWorkflow) {
            query.setParameter("workflow", workflowName);
        }
        return query.getResultStream().map(ExecutionSummary::of).toList();
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
        int first = Paging.firstResult(page, size, MAX_PAGE_SIZE);
        find(tenantId, executionId);
        List<JournalView> entries = em.createQuery("SELECT j FROM JournalEntry j WHERE j.tenantId = :tenant"
                        + " AND j.executionId = :execution ORDER BY j.sequence", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("execution", executionId)
                .setFirstResult(first).setMaxResults(size)
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
                Snapshot.of(execution.state(), execution.getLastEventAt(), clock.instant())));
    }

    private Replay replay(String tenantId, String executionId, ReplayBound bound) {
        long started = System.nanoTime();
        WorkflowExecution execution = find(tenantId, executionId);
        if (bound instanceof ReplayBound.AtSequence at && at.sequence() > execution.getLastSequence()) {
            throw new IllegalArgumentException("execution " + executionId + " is at sequence " + execution.getLastSequence()
                    + "; there is no state at " + at.sequence() + " yet");
        }
        WorkflowDefinition definition = definitionOf(execution);
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
        Replay replay = Replayer.replay(definition, from, events, bound, versions);
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

    /** Journals and applies the execution's next event now: submitted events and delivered early events. */
    private ExecutionState append(WorkflowExecution execution, String eventId, String eventName, JsonObject payload,
                                  int version, String userId) {
        ExecutionState before = execution.state();
        WorkflowEvent event = new WorkflowEvent(before.sequence() + 1, eventName,
                payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload, execution.nextEventAt(clock.instant()), false, version);
        ExecutionState after = transition(execution, event);
        em.persist(JournalEntry.applied(execution.getTenantId(), execution.getId(), eventId, eventName, eventName,
                before.currentState(), event, after, userId));
        project(execution, event, after);
        return after;
    }

    /** The reducer's step for the execution's next event: the one every path (submitted, queued, buffered) takes. */
    private ExecutionState transition(WorkflowExecution execution, WorkflowEvent event) {
        WorkflowDefinition definition = definitionOf(execution);
        return WorkflowReducer.apply(definition, execution.state(), JournalVersions.asRead(definition, event, versions));
    }

    /** Moves the execution to the state the event produced, checks the append won, snapshots by the policy. */
    private void project(WorkflowExecution execution, WorkflowEvent event, ExecutionState after) {
        execution.advance(after, event.occurredAt());
        flushOrConflict(execution.getId(), event.sequence() - 1);
        if (policy.shouldSnapshot(after.sequence())) {
            store(execution.getTenantId(), execution.getId(), Snapshot.of(after, event.occurredAt(), clock.instant()));
        }
    }

    /**
     * Delivers the buffered early events for the new execution's correlation key: repeatedly the oldest one its
     * current state accepts, until none is accepted. Those left wait for a later execution or their expiry.
     */
    private void deliverEarlyEvents(WorkflowExecution execution, WorkflowDefinition definition) {
        List<EarlyEvent> waiting = new ArrayList<>(em.createQuery("SELECT b FROM EarlyEvent b WHERE b.tenantId = :tenant"
                        + " AND b.workflowName = :workflow AND b.correlationKey = :key AND b.expiresAt > :now"
                        + " ORDER BY b.receivedAt, b.id", EarlyEvent.class)
                .setParameter("tenant", execution.getTenantId()).setParameter("workflow", definition.name())
                .setParameter("key", execution.getCorrelationKey()).setParameter("now", UtcColumns.toColumn(clock.instant()))
                .getResultList());
        Optional<EarlyEvent> next;
        while ((next = waiting.stream().filter(early -> WorkflowReducer.accepts(definition, execution.state(),
                early.getEventName(), JournalVersions.payloadAsRead(definition, early.getEventName(), 1, early.payload(),
                        versions))).findFirst()).isPresent()) {
            EarlyEvent early = next.get();
            append(execution, TriggerIds.delivery(early.getEventId(), execution.getId()), early.getEventName(),
                    early.payload(), 1, early.getUserId());
            em.remove(early);
            waiting.remove(early);
        }
    }

    private WorkflowDefinition definitionOf(WorkflowExecution execution) {
        return definitions.get(execution.getWorkflowName(), execution.getWorkflowVersion());
    }

    private ExecutionState firstResult(String tenantId, String executionId, String eventName, JournalEntry earlier) {
        requireSameEvent(executionId, eventName, earlier);
        return replay(tenantId, executionId, ReplayBound.atSequence(earlier.getSequence())).state();
    }

    /** A resubmitted event id must name the same execution and event as its first submission. */
    private static void requireSameEvent(String executionId, String eventName, JournalEntry earlier) {
        if (!earlier.getExecutionId().equals(executionId)) {
            throw new IllegalArgumentException("event id " + earlier.getEventId() + " was already journaled for execution "
                    + earlier.getExecutionId() + ", not " + executionId);
        }
        if (!earlier.event().eventName().equals(eventName)) {
            throw new IllegalArgumentException("event id " + earlier.getEventId() + " was already journaled as "
                    + earlier.getEventName() + ", not " + eventName);
        }
    }

    private Optional<JournalEntry> journaled(String tenantId, String eventId) {
        return em.createQuery("SELECT j FROM JournalEntry j WHERE j.tenantId = :tenant AND j.eventId = :event", JournalEntry.class)
                .setParameter("tenant", tenantId).setParameter("event", eventId).getResultStream().findFirst();
    }

    private WorkflowExecution find(String tenantId, String executionId) {
        return find(tenantId, executionId, LockModeType.NONE);
    }

    private WorkflowExecution find(String tenantId, String executionId, LockModeType lock) {
        WorkflowExecution execution = executionId == null ? null : em.find(WorkflowExecution.class, executionId, lock);
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

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
