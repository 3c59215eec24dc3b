package dev.herald.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import dev.herald.persistence.ValueTooLongException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

    private static Throwable wrapped(Throwable cause) {
        return new RuntimeException("commit failed", new PersistenceException("flush failed", cause));
    }

    @Test
    void aLostOptimisticLockOrLockRaceIsAConcurrentChange() {
        assertTrue(StoreFailures.isConcurrentChange(wrapped(new OptimisticLockException("stale"))));
        for (String state : new String[] {"40001", "40XL1", "40XL2", "40P01"}) {
            assertTrue(StoreFailures.isConcurrentChange(wrapped(new SQLException("lost", state))), state);
        }
        assertFalse(StoreFailures.isConcurrentChange(wrapped(new SQLException("duplicate", "23505"))));
    }

    @Test
    void aUniqueKeyViolationIsAConstraintViolation() {
        assertTrue(StoreFailures.isConstraintViolation(wrapped(new SQLException("duplicate", "23505"))));
        assertFalse(StoreFailures.isConstraintViolation(wrapped(new SQLException("truncation", "22001"))));
    }

    @Test
    void aValueTooLongIsFoundHoweverDeepItIsWrapped() {
        ValueTooLongException tooLong = new ValueTooLongException("Ticket", "title", 500, 501);
        assertEquals(tooLong, StoreFailures.valueTooLong(wrapped(tooLong)).orElseThrow());
        assertTrue(StoreFailures.valueTooLong(wrapped(new SQLException("x", "22001"))).isEmpty());
    }
}
