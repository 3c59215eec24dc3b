package dev.herald.workflow;

import dev.herald.versions.EventVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * Folds journal events over a snapshot (or over the start event) with the {@link WorkflowReducer}. Events are
 * taken in SEQUENCE order, whatever order they are passed in and whatever their timestamps say, and must follow
 * each other without gaps or repeats: a replay that silently skipped an event would report a state that never
 * existed. The replay stops at the first event the bound does not admit, so a time bound yields a prefix of the
 * journal.
 */
public final class Replayer {

    private Replayer() {
    }

    /** A replay of a journal whose events are all in the versions the definition reads. */
    public static Replay replay(WorkflowDefinition definition, Optional<Snapshot> snapshot, List<WorkflowEvent> events,
                                ReplayBound bound) {
        return replay(definition, snapshot, events, bound, EventVersions.NONE);
    }

    /** @param versions converts each event to the version the definition reads ({@link JournalVersions}) */
    public static Replay replay(WorkflowDefinition definition, Optional<Snapshot> snapshot, List<WorkflowEvent> events,
                                ReplayBound bound, EventVersions versions) {
        long started = System.nanoTime();
        ExecutionState state = null;
        long next = 0;
        if (snapshot.isPresent()) {
            Snapshot from = snapshot.get();
            if (from.reducerVersion() != WorkflowReducer.REDUCER_VERSION) {
                throw new IllegalArgumentException("snapshot at " + from.sequence() + " was written by reducer version "
                        + from.reducerVersion() + ", this is " + WorkflowReducer.REDUCER_VERSION);
            }
            if (!bound.admits(from)) {
                throw new IllegalArgumentException("snapshot at " + from.sequence() + " lies beyond the bound (" + bound + ")");
            }
            state = from.toState(definition);
            next = from.sequence() + 1;
        }
        List<WorkflowEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparingLong(WorkflowEvent::sequence));
        List<Long> applied = new ArrayList<>();
        for (WorkflowEvent event : ordered) {
            if (event.sequence() < next) {
                if (snapshot.isPresent() && event.sequence() <= snapshot.get().sequence()) {
                    continue;
                }
                throw new IllegalStateException("the journal holds two events at sequence " + event.sequence());
            }
            if (!bound.admits(event)) {
                break;
            }
            if (event.sequence() != next) {
                throw new IllegalStateException("the journal has a gap: expected sequence " + next + ", found " + event.sequence());
            }
            WorkflowEvent read = JournalVersions.asRead(definition, event, versions);
            state = state == null ? WorkflowReducer.start(definition, read) : WorkflowReducer.apply(definition, state, read);
            applied.add(event.sequence());
            next++;
        }
        if (state == null) {
            throw new IllegalArgumentException("no state at " + bound + ": the execution had not started");
        }
        OptionalLong used = snapshot.map(s -> OptionalLong.of(s.sequence())).orElse(OptionalLong.empty());
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new Replay(state, Optional.of(new ReplayTrace(used, applied, millis)));
    }
}
