package dev.herald.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupRetryTest {

    @Test
    void aStepThatCollidesOnceSucceedsOnItsNextAttempt() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        new StartupRetry("seeding", 3, Duration.ZERO).run(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SQLIntegrityConstraintViolationException("duplicate key: the other server inserted it first");
            }
        });
        assertEquals(2, attempts.get());
    }

    @Test
    void aStepThatKeepsFailingFailsAfterItsLastAttemptWithTheCause() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException broken = new IllegalStateException("the database is gone");
        IllegalStateException failed = assertThrows(IllegalStateException.class,
                () -> new StartupRetry("seeding", 3, Duration.ZERO).run(() -> {
                    attempts.incrementAndGet();
                    throw broken;
                }));
        assertEquals(3, attempts.get());
        assertSame(broken, failed.getCause());
    }
}
