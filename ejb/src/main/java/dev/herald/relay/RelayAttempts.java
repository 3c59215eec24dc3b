package dev.herald.relay;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisOutOfMemoryException;
import org.redisson.client.RedisReadonlyException;
import org.redisson.client.RedisReconnectedException;
import org.redisson.client.RedisRedirectException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;

/**
 * Runs one delivery's relay, retrying it in place while the failure is Redis being briefly away (unreachable, failing
 * over, loading, read-only, short of replicas) for up to {@code herald.relay.outage-retry}, with pauses doubling from
 * 100 ms to 2 s. Any other failure, or one that outlasts the budget, is thrown at once: the broker redelivers the message
 * with its own backoff and then dead-letters it.
 *
 * <p>Why in place: the broker redelivers a failed message after a delay and meanwhile hands the aggregate's next message
 * to the relay, so a failure handed back breaks per-aggregate order; a delivery that waits holds the group's next
 * message behind it. A failure that retrying cannot cure (a key of the wrong type, a script error) gains nothing from
 * waiting and goes to the broker straight away.
 */
public final class RelayAttempts {

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private static final Set<Class<? extends Throwable>> TRANSIENT = Set.of(RedisConnectionException.class,
            RedisTimeoutException.class, RedisRetryException.class, RedisReadonlyException.class,
            RedisReconnectedException.class, RedisNodeNotFoundException.class, RedisRedirectException.class,
            RedisOutOfMemoryException.class, ReplicasBehindException.class, java.io.IOException.class);

    /** Redis' error codes of a server that is failing over or not ready, also when they come inside a script error. */
    private static final Pattern TRANSIENT_CODE =
            Pattern.compile("(^|[\\s\\-:])(READONLY|LOADING|MASTERDOWN|TRYAGAIN|CLUSTERDOWN|NOREPLICAS)\\b");

    /** Told of every failed attempt, before the pause or the throw. */
    public interface Failures {
        /** @param retrying true when the attempt is made again in place, false when the failure is thrown */
        void failed(RuntimeException failure, boolean retrying);
    }

    /** Waits between two attempts; a real pause in production, a recorded one in tests. */
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final Duration budget;
    private final LongSupplier nanoTime;
    private final Pause pause;

    public RelayAttempts(Duration budget) {
        this(budget, System::nanoTime, duration -> Thread.sleep(duration.toMillis()));
    }

    RelayAttempts(Duration budget, LongSupplier nanoTime, Pause pause) {
        this.budget = budget;
        this.nanoTime = nanoTime;
        this.pause = pause;
    }

    /**
     * @return the first successful attempt's result
     * @throws RuntimeException the last attempt's failure: a permanent one, one past the budget, or any when the
     *                          thread is interrupted during a pause (the interrupt is kept)
     */
    public <T> T run(Supplier<T> attempt, Failures failures) {
        long started = nanoTime.getAsLong();
        Duration next = FIRST_PAUSE;
        while (true) {
            try {
                return attempt.get();
            } catch (RuntimeException failure) {
                Duration spent = Duration.ofNanos(nanoTime.getAsLong() - started);
                boolean retrying = isTransient(failure) && spent.plus(next).compareTo(budget) <= 0;
                failures.failed(failure, retrying);
                if (!retrying) {
                    throw failure;
                }
                try {
                    pause.pause(next);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    failure.addSuppressed(interrupted);
                    throw failure;
                }
                next = next.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : next.multipliedBy(2);
            }
        }
    }

    /**
     * A failure is transient when it, and every failure suppressed in it (the other stream calls of the message), is
     * Redis being away somewhere along its chain of causes.
     */
    static boolean isTransient(Throwable failure) {
        while (failure instanceof PartlyRelayedException && failure.getCause() != null) {
            failure = failure.getCause(); // the other calls' failures are suppressed in the first one
        }
        if (!awayAlongCauses(failure)) {
            return false;
        }
        for (Throwable other : failure.getSuppressed()) {
            if (!awayAlongCauses(other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean awayAlongCauses(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> kind : TRANSIENT) {
                if (kind.isInstance(t)) {
                    return true;
                }
            }
            if (t.getMessage() != null && TRANSIENT_CODE.matcher(t.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }
}
