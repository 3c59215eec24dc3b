package dev.herald.jpa;

import dev.herald.persistence.ValueTooLongException;
import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;

/** What a failed write means for the client, read from the exception chain the persistence provider threw. */
public final class StoreFailures {

    /**
     * Serialization failure or deadlock (40001, Derby and PostgreSQL), Derby's lock timeout (40XL1, 40XL2),
     * PostgreSQL's deadlock (40P01): another transaction held the row; trying again may succeed.
     */
    private static final Set<String> LOST_RACE_STATES = Set.of("40001", "40XL1", "40XL2", "40P01");

    private StoreFailures() {
    }

    /** Another transaction changed or held the same row at the same time: a conflict, not a fault. */
    public static boolean isConcurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof SQLException sql && sql.getSQLState() != null && LOST_RACE_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 23 is an integrity constraint violation on every database Herald supports. */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    public static Optional<ValueTooLongException> valueTooLong(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ValueTooLongException tooLong) {
                return Optional.of(tooLong);
            }
        }
        return Optional.empty();
    }
}
