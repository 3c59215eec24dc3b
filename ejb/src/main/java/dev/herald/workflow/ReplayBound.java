package dev.herald.workflow;

import java.time.Instant;
import java.util.Objects;

/** How far a replay goes: to the newest event, to a sequence (inclusive), or to a point in time (inclusive). */
public sealed interface ReplayBound {

    static ReplayBound latest() {
        return Latest.INSTANCE;
    }

    static ReplayBound atSequence(long sequence) {
        return new AtSequence(sequence);
    }

    static ReplayBound atTime(Instant instant) {
        return new AtTime(instant);
    }

    boolean admits(WorkflowEvent event);

    boolean admits(Snapshot snapshot);

    enum Latest implements ReplayBound {
        INSTANCE;

        @Override
        public boolean admits(WorkflowEvent event) {
            return true;
        }

        @Override
        public boolean admits(Snapshot snapshot) {
            return true;
        }

        @Override
        public String toString() {
            return "latest";
        }
    }

    record AtSequence(long sequence) implements ReplayBound {

        public AtSequence {
            if (sequence < 0) {
                throw new IllegalArgumentException("a sequence bound must not be negative, got " + sequence);
            }
        }

        @Override
        public boolean admits(WorkflowEvent event) {
            return event.sequence() <= sequence;
        }

        @Override
        public boolean admits(Snapshot snapshot) {
            return snapshot.sequence() <= sequence;
        }

        @Override
        public String toString() {
            return "sequence " + sequence;
        }
    }

    record AtTime(Instant instant) implements ReplayBound {

        public AtTime {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public boolean admits(WorkflowEvent event) {
            return !event.occurredAt().isAfter(instant);
        }

        /** A snapshot covers every event up to its sequence: usable only if the last of them is not after the bound. */
        @Override
        public boolean admits(Snapshot snapshot) {
            return !snapshot.lastEventAt().isAfter(instant);
        }

        @Override
        public String toString() {
            return "time " + instant;
        }
    }
}
