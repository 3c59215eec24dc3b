package dev.herald.retention;

import dev.herald.kernel.RecordingEventMetrics;
import dev.herald.redis.StreamId;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class StreamRetentionTest {

    private static final Instant NOW = Instant.ofEpochMilli(10_000);

    private final FakeRedis fake = new FakeRedis();
    private final List<Object[]> timers = new ArrayList<>();
    private final LogCapture log = new LogCapture();
    private final RecordingEventMetrics metrics = new RecordingEventMetrics();
    private boolean reachable = true;
    private RuntimeException clientFailure;

    @AfterEach
    void closeLog() {
        log.close();
    }

    /** The bean as the container would inject it, with the default interval and channels of {@link RetentionSettings}. */
    private StreamRetention retention(Optional<Long> maxLength, Optional<Duration> maxAge) {
        StreamRetention bean = new StreamRetention();
        RetentionSettings defaults = RetentionSettings.defaults();
        bean.settings = new RetentionSettings(maxLength, maxAge, defaults.interval(), defaults.channels());
        bean.redisKeys = RedisKeys.defaults();
        bean.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        bean.metrics = metrics;
        bean.timerService = (TimerService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TimerService.class}, (self, method, args) -> {
                    if (!method.getName().equals("createIntervalTimer")) {
                        throw new AssertionError("unexpected TimerService." + method.getName());
                    }
                    timers.add(args);
                    return null;
                });
        bean.redis = new RedisConnection() {
            @Override
            public RedissonClient client() {
                if (clientFailure != null) {
                    throw clientFailure;
                }
                return fake.client();
            }

            @Override
            public boolean isReachable() {
                return reachable;
            }

            @Override
            public String address() {
                return "redis://fake:6379";
            }
        };
        return bean;
    }

    @Test
    void noPolicySchedulesNothingAndTrimsNothing() {
        fake.stream("alga-psa:event-stream:global:TICKET_CREATED").entries(10);
        StreamRetention bean = retention(Optional.empty(), Optional.empty());

        bean.start();

        assertTrue(timers.isEmpty());
        assertFalse(bean.policy().trims());
        assertEquals(Optional.empty(), bean.runPass());
        assertEquals(Optional.empty(), bean.lastPass());
        assertTrue(fake.calls.isEmpty(), "Redis is not touched");
    }

    @Test
    void policySchedulesANonPersistentIntervalTimer() {
        StreamRetention bean = retention(Optional.of(1000L), Optional.of(Duration.ofDays(7)));

        bean.start();

        assertEquals(1, timers.size());
        Object[] args = timers.get(0);
        assertEquals(60_000L, args[0], "first pass after one interval");
        assertEquals(60_000L, args[1]);
        TimerConfig config = (TimerConfig) args[2];
        assertFalse(config.isPersistent());
        assertEquals(StreamRetention.TIMER_NAME, config.getInfo());
        assertEquals(RetentionPolicy.maxLength(1000).withMaxAge(Duration.ofDays(7)), bean.policy());
        assertEquals(Optional.empty(), bean.lastPass(), "no pass before the first tick");
    }

    @Test
    void invalidSettingsFailTheDeployment() {
        assertThrows(IllegalArgumentException.class, () -> retention(Optional.of(0L), Optional.empty()).start());
        assertThrows(IllegalArgumentException.class, () -> retention(Optional.empty(), Optional.of(Duration.ZERO)).start());
        IllegalArgumentException zeroInterval = assertThrows(IllegalArgumentException.class,
                () -> new RetentionSettings(Optional.of(10L), Optional.empty(), Duration.ZERO, "*"));
        assertTrue(zeroInterval.getMessage().contains(RetentionSettings.INTERVAL), zeroInterval.getMessage());
        assertTrue(timers.isEmpty());
    }

    @Test
    void tickTrimsAndRecordsTheLastPass() {
        fake.stream("alga-psa:event-stream:global:TICKET_CREATED").entries(10).group("event-processors", "6000-0");
        fake.stream("workflow:events:global").entries(4);
        StreamRetention bean = retention(Optional.of(2L), Optional.empty());
        bean.start();

        bean.onTimeout(null);

        RetentionPass pass = bean.lastPass().orElseThrow();
        assertTrue(pass.ok(), pass.errors().toString());
        assertEquals(NOW, pass.startedAt());
        assertEquals(2, pass.streamsExamined());
        assertEquals(6 + 2, pass.entriesTrimmed());
        assertEquals(List.of("retentionTrimmed:8"), metrics.calls, "the pass's removed entries are counted once");
        assertEquals(StreamId.parse("7000-0"), fake.stream("alga-psa:event-stream:global:TICKET_CREATED").ids().get(0),
                "entries the group has not read survive");
    }

    @Test
    void unreachableRedisSkipsThePass() {
        reachable = false;
        fake.stream("alga-psa:event-stream:global:TICKET_CREATED").entries(10);
        StreamRetention bean = retention(Optional.of(2L), Optional.empty());
        bean.start();

        bean.onTimeout(null);

        RetentionPass pass = bean.lastPass().orElseThrow();
        assertTrue(pass.skipped());
        assertFalse(pass.ok());
        assertTrue(pass.errors().get(0).contains("unreachable"));
        assertTrue(fake.calls.isEmpty());
        assertEquals(10, fake.stream("alga-psa:event-stream:global:TICKET_CREATED").entries.size());

        reachable = true;
        bean.onTimeout(null);
        assertTrue(bean.lastPass().orElseThrow().ok(), "the next tick is the retry");
        assertEquals(2, fake.stream("alga-psa:event-stream:global:TICKET_CREATED").entries.size());
    }

    @Test
    void timerNeverThrowsButLogsTheFailure() {
        clientFailure = new IllegalStateException("Redisson could not start");
        StreamRetention bean = retention(Optional.of(2L), Optional.empty());
        bean.start();

        assertDoesNotThrow(() -> bean.onTimeout(null));

        RetentionPass pass = bean.lastPass().orElseThrow();
        assertFalse(pass.ok());
        assertTrue(pass.errors().get(0).contains("Redisson could not start"));
        assertEquals(1, log.at(Level.WARNING).size());
        assertTrue(log.at(Level.WARNING).get(0).getThrown() instanceof IllegalStateException);
    }
}
