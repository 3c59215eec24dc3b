package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.EqualJitterDelay;
import org.redisson.config.SingleServerConfig;

class RedisRetryBudgetTest {

    @Test
    void theDefaultsRideOutUpTo22Seconds() {
        // three attempts of 3 s connect + 3 s reply, and two pauses of at most 2 s (Redisson's default jitter)
        RedisRetryBudget defaults = new RedisRetryBudget(Duration.ofSeconds(3), 2, Optional.empty());
        assertEquals(Duration.ofSeconds(22), defaults.longestCall());
    }

    @Test
    void aConstantDelayAndFewerAttemptsShortenIt() {
        RedisRetryBudget it = new RedisRetryBudget(Duration.ofSeconds(3), 1, Optional.of(Duration.ofMillis(500)));
        assertEquals(Duration.ofMillis(12_500), it.longestCall());
        assertEquals(Duration.ofSeconds(6), new RedisRetryBudget(Duration.ofSeconds(3), 0, Optional.empty()).longestCall());
    }

    @Test
    void itIsWhatTheClientIsConfiguredWith() {
        SingleServerConfig server = new RedisRetryBudget(Duration.ofSeconds(3), 1, Optional.of(Duration.ofMillis(500)))
                .applyTo(new Config().useSingleServer());
        assertEquals(3_000, server.getTimeout());
        assertEquals(3_000, server.getConnectTimeout());
        assertEquals(1, server.getRetryAttempts());
        assertEquals(Duration.ofMillis(500), assertInstanceOf(ConstantDelay.class, server.getRetryDelay()).calcDelay(1));

        SingleServerConfig defaults = new RedisRetryBudget(Duration.ofSeconds(3), 2, Optional.empty())
                .applyTo(new Config().useSingleServer());
        EqualJitterDelay redissons = assertInstanceOf(EqualJitterDelay.class, defaults.getRetryDelay());
        assertEquals(RedisRetryBudget.REDISSON_DEFAULT_MAX_RETRY_DELAY, redissons.getMaxDelay(),
                "the budget assumes Redisson's default delay never pauses longer than this");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RedisRetryBudget(Duration.ZERO, 2, Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new RedisRetryBudget(Duration.ofSeconds(3), -1, Optional.empty()));
        assertThrows(IllegalArgumentException.class,
                () -> new RedisRetryBudget(Duration.ofSeconds(3), 1, Optional.of(Duration.ofSeconds(-1))));
    }
}
