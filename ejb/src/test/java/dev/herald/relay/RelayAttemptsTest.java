package dev.herald.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisTimeoutException;

/** In-place retries of a relay: only while Redis is away, with doubling pauses, within the budget. */
class RelayAttemptsTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final List<String> told = new ArrayList<>();
    private long now;

    private RelayAttempts attempts(Duration budget) {
        return new RelayAttempts(budget, () -> now, duration -> {
            pauses.add(duration);
            now += duration.toNanos();
        });
    }

    private RelayAttempts.Failures recorder() {
        return (failure, retrying) -> told.add(failure.getMessage() + (retrying ? " (again)" : " (thrown)"));
    }

    private static Supplier<String> failingThenOk(RuntimeException... failures) {
        int[] attempt = {0};
        return () -> {
            if (attempt[0] < failures.length) {
                throw failures[attempt[0]++];
            }
            return "written";
        };
    }

    @Test
    void aRedisThatIsBrieflyAwayIsRetriedInPlaceWithDoublingPauses() {
        String result = attempts(Duration.ofSeconds(60)).run(failingThenOk(new RedisConnectionException("refused"),
                new RedisTimeoutException("timed out"), new ReplicasBehindException("0 of 1 replicas")), recorder());

        assertEquals("written", result);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), pauses);
        assertEquals(List.of("refused (again)", "timed out (again)", "0 of 1 replicas (again)"), told);
    }

    @Test
    void aFailureThatRetryingCannotCureIsThrownAtOnce() {
        RedisException wrongType = new RedisException("WRONGTYPE alga-psa:event-stream:x holds a string, not a stream");

        assertSame(wrongType, assertThrows(RedisException.class,
                () -> attempts(Duration.ofSeconds(60)).run(failingThenOk(wrongType), recorder())));
        assertEquals(List.of(), pauses);
        assertEquals(List.of(wrongType.getMessage() + " (thrown)"), told);
    }

    @Test
    void anOutageLongerThanTheBudgetIsHandedToTheBroker() {
        RuntimeException[] away = new RuntimeException[50];
        for (int i = 0; i < away.length; i++) {
            away[i] = new RedisConnectionException("refused " + i);
        }

        assertThrows(RedisConnectionException.class,
                () -> attempts(Duration.ofSeconds(10)).run(failingThenOk(away), recorder()));
        Duration paused = pauses.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(paused.compareTo(Duration.ofSeconds(10)) <= 0, "paused " + paused);
        assertEquals(Duration.ofSeconds(2), pauses.get(pauses.size() - 1), "pauses stop doubling at 2 s: " + pauses);
        assertTrue(told.get(told.size() - 1).endsWith("(thrown)"));
    }

    @Test
    void aZeroBudgetNeverRetries() {
        assertThrows(RedisConnectionException.class, () -> attempts(Duration.ZERO)
                .run(failingThenOk(new RedisConnectionException("refused")), recorder()));
        assertEquals(List.of(), pauses);
    }

    @Test
    void transientMeansRedisAwayOnEveryCallOfTheMessage() {
        assertTrue(RelayAttempts.isTransient(new PartlyRelayedException(List.of(), new RedisReadonlyException("READONLY"))));
        assertTrue(RelayAttempts.isTransient(new RedisException(
                "ERR Error running script (call to f_1): @user_script:20: -READONLY You can't write against a read only replica.")),
                "a replica's refusal inside a script error");
        assertTrue(RelayAttempts.isTransient(new RedisException("Unexpected exception", new java.io.IOException("reset"))));

        RedisConnectionException away = new RedisConnectionException("refused");
        away.addSuppressed(new RedisException("WRONGTYPE alga-psa:event-stream:x holds a string, not a stream"));
        assertFalse(RelayAttempts.isTransient(new PartlyRelayedException(List.of(), away)),
                "one call of the message can never succeed");
        assertFalse(RelayAttempts.isTransient(new IllegalStateException("no such channel")));
    }

    @Test
    void anInterruptedPauseThrowsTheFailureAndKeepsTheInterrupt() {
        RelayAttempts interrupted = new RelayAttempts(Duration.ofSeconds(60), () -> now, duration -> {
            throw new InterruptedException("shutting down");
        });
        try {
            RedisConnectionException thrown = assertThrows(RedisConnectionException.class,
                    () -> interrupted.run(failingThenOk(new RedisConnectionException("refused")), recorder()));
            assertTrue(Thread.currentThread().isInterrupted());
            assertEquals("shutting down", thrown.getSuppressed()[0].getMessage());
        } finally {
            Thread.interrupted();
        }
    }
}
