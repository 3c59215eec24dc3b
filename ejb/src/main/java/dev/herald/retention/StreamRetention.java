package dev.herald.retention;

import dev.herald.kernel.EventMetrics;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Trims Herald's Redis streams on a timer, by the configured {@link RetentionPolicy} and never past what a consumer
 * group still needs (wire-format spec, section 5). With no policy configured it schedules nothing: streams grow
 * until an operator chooses a retention.
 *
 * <p>The timer is programmatic (the interval is configuration) and non-persistent: a missed pass needs no catching up, the
 * next one recomputes everything from Redis. Bean-managed concurrency: a pass never blocks {@link #lastPass()}, and
 * an overlapping tick is skipped rather than queued.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Redis is not transactional; no JTA timeout on a long pass
public class StreamRetention {

    private static final Logger LOG = Logger.getLogger(StreamRetention.class.getName());

    static final String TIMER_NAME = "herald-stream-retention";

    @Inject
    RetentionSettings settings;

    /** The relay's own key names: the streams retention manages are exactly the ones the relay writes. */
    @Inject
    RedisKeys redisKeys;

    @Inject
    RedisConnection redis;

    @Resource
    TimerService timerService;

    @Inject
    Clock clock;

    @Inject
    EventMetrics metrics;

    private volatile RetentionPolicy policy = RetentionPolicy.none();
    private volatile RetentionScope scope = RetentionScope.allChannels();
    private volatile RetentionPass lastPass;
    private final AtomicBoolean running = new AtomicBoolean();

    /**
     * Builds the policy and schedules the timer. An invalid value fails the deployment already when the
     * {@link RetentionSettings} are read.
     */
    @PostConstruct
    void start() {
        policy = settings.policy();
        scope = settings.scope();
        if (!policy.trims()) {
            LOG.info("Stream retention is off (set herald.retention.max-length and/or herald.retention.max-age): "
                    + "Herald trims no stream");
            return;
        }
        Duration interval = settings.interval();
        long millis = interval.toMillis();
        timerService.createIntervalTimer(millis, millis, new TimerConfig(TIMER_NAME, false));
        RedisKeys keys = redisKeys;
        LOG.info("Stream retention on: " + policy + ", every " + interval + ", streams " + keys.streamPrefix()
                + "event-stream:* of " + scope + (scope.includesWorkflowStream() ? " and " + keys.workflowStream() : "")
                + ", never past a consumer group's oldest unacknowledged entry");
    }

    @Timeout
    void onTimeout(Timer timer) {
        try {
            runPass();
        } catch (RuntimeException e) {
            // The one place where catching everything is right. A pass is idempotent and recomputed from Redis each
            // time, so the next tick IS the retry and nothing is lost by abandoning this one. Letting the exception
            // escape would only make the container log it and re-fire the timeout at its own retry schedule
            // (hammering a failing Redis), and it would not tell a health check anything. So: log it, record it in
            // lastPass(), rethrow nothing. (StreamTrimmer already catches per stream; this catches the rest.)
            LOG.log(Level.WARNING, "Stream retention pass failed; retrying next tick", e);
            lastPass = new RetentionPass(clock.instant(), Duration.ZERO, 0, 0, 0, List.of("pass: " + e), false);
        }
    }

    /**
     * Runs one pass now (the timer calls it; an operator endpoint may too). Returns the pass, or the previous one
     * when a pass is already running.
     */
    public Optional<RetentionPass> runPass() {
        if (!policy.trims()) {
            return Optional.empty();
        }
        if (!running.compareAndSet(false, true)) {
            LOG.fine("Stream retention: previous pass still running, skipping this tick");
            return lastPass();
        }
        try {
            Instant now = clock.instant();
            RetentionPass pass;
            if (!redis.isReachable()) {
                LOG.fine("Stream retention: Redis unreachable, pass skipped");
                pass = RetentionPass.skipped(now, "Redis unreachable at " + redis.address());
            } else {
                RedisKeys keys = redisKeys;
                pass = new StreamTrimmer(redis.client(), policy, keys.streamPrefix(), keys.workflowStream(), scope).run(now);
            }
            lastPass = pass;
            if (pass.entriesTrimmed() > 0) {
                metrics.retentionTrimmed(pass.entriesTrimmed());
            }
            return Optional.of(pass);
        } finally {
            running.set(false);
        }
    }

    /** The most recent pass; empty before the first one, and always when retention is off. */
    public Optional<RetentionPass> lastPass() {
        return Optional.ofNullable(lastPass);
    }

    /** The configured policy ({@link RetentionPolicy#none()} when retention is off). */
    public RetentionPolicy policy() {
        return policy;
    }

    /** The configured interval between passes. */
    public Duration interval() {
        return settings.interval();
    }
}
