package dev.herald.redis;

import java.time.Duration;
import java.util.Optional;
import org.redisson.config.BaseConfig;
import org.redisson.config.ConstantDelay;

/**
 * How long one Redis call may go on before Redisson gives up on it: the client's own retry budget. Within it an
 * outage is ridden out inside the call and Herald never sees it; only an outage longer than it reaches Herald's
 * failure paths (a failed relay attempt, a failed subscriber round).
 *
 * <p>Redisson sends a command up to {@code retryAttempts + 1} times; each attempt may spend up to one timeout getting
 * a connection and writing the command (connect timeout, or in Redisson 3.52 its response timeout) and up to the
 * response timeout waiting for the answer (Herald sets both to {@code herald.redis.timeout}), and it waits the retry
 * delay between attempts: a constant {@code herald.redis.retry-delay} when set, else Redisson's default, an
 * equal-jitter delay of at most 2 s. This is an upper bound: with Redis refusing connections a call fails sooner
 * (about 2 to 2.7 s with the defaults, 0.6 s with one retry after 0.5 s, measured against a stopped redis-server).
 *
 * @param timeout      {@code herald.redis.timeout}: Redisson's response timeout and connect timeout
 * @param retryAttempts {@code herald.redis.retry-attempts}: how often Redisson sends a command again
 * @param retryDelay   {@code herald.redis.retry-delay}: the pause between two attempts; empty for Redisson's default
 */
public record RedisRetryBudget(Duration timeout, int retryAttempts, Optional<Duration> retryDelay) {

    /** The longest pause of Redisson's default retry delay ({@code EqualJitterDelay(1 s, 2 s)} in 3.52). */
    public static final Duration REDISSON_DEFAULT_MAX_RETRY_DELAY = Duration.ofSeconds(2);

    public RedisRetryBudget {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("herald.redis.timeout must be positive, was " + timeout);
        }
        if (retryAttempts < 0) {
            throw new IllegalArgumentException("herald.redis.retry-attempts must be 0 or more, was " + retryAttempts);
        }
        retryDelay = retryDelay == null ? Optional.empty() : retryDelay;
        if (retryDelay.isPresent() && retryDelay.get().isNegative()) {
            throw new IllegalArgumentException("herald.redis.retry-delay must not be negative, was " + retryDelay.get());
        }
    }

    /** Sets the timeouts, the attempts and (when configured) the retry delay on a Redisson server config. */
    public <T extends BaseConfig<T>> T applyTo(T config) {
        config.setTimeout((int) timeout.toMillis())
                .setConnectTimeout((int) timeout.toMillis())
                .setRetryAttempts(retryAttempts);
        retryDelay.ifPresent(delay -> config.setRetryDelay(new ConstantDelay(delay)));
        return config;
    }

    /**
     * The longest one call can take before it fails: every attempt spending its whole connect and response
     * timeouts, and the longest retry delay between attempts. An outage longer than this fails the call.
     */
    public Duration longestCall() {
        Duration perAttempt = timeout.multipliedBy(2);
        Duration delay = retryDelay.orElse(REDISSON_DEFAULT_MAX_RETRY_DELAY);
        return perAttempt.multipliedBy(retryAttempts + 1L).plus(delay.multipliedBy(retryAttempts));
    }
}
