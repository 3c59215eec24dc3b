package dev.herald.operations;

import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.workflow.WorkflowSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Samples the backlog (streams, consumer groups, dead letters, the workflow queue) every
 * {@code herald.operations.sample-interval} and the event path's counters every {@link RateHistory#STEP}, on two
 * non-persistent EJB interval timers; adapter only ({@link Sampling} decides what a sample is). The gauges at
 * /metrics and {@code GET /api/operations/backlog} answer {@link #latest()}, so a scrape or a console refresh never
 * reads Redis or scans the database, however often it comes. Each new snapshot is fired as a CDI event, which the
 * metrics package observes to register the gauges of groups it has not seen yet.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the queue count reads the journal table
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // Redis reads; the queue count has its own transaction
public class OperationsSampler {

    private static final Logger LOG = Logger.getLogger(OperationsSampler.class.getName());

    static final String BACKLOG_TIMER = "herald-operations-backlog";
    static final String RATES_TIMER = "herald-operations-rates";

    @Inject
    OperationsSettings settings;

    @Inject
    RedisKeys redisKeys;

    @Inject
    RedisConnection redis;

    @Inject
    WorkflowSettings workflowSettings;

    @Inject
    WorkflowQueueCounter queueCounter;

    @Inject
    EventTotals totals;

    @Inject
    Event<OperationsSnapshot> sampled;

    @Inject
    Clock clock;

    @Resource
    TimerService timerService;

    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile Sampling sampler;
    private volatile RateHistory rates;

    @PostConstruct
    void start() {
        sampler = new Sampling(redisKeys.workflowStream(), workflowSettings.consumerGroup());
        rates = new RateHistory(settings.rateSamples());
        long interval = settings.sampleInterval().toMillis();
        timerService.createIntervalTimer(interval, interval, new TimerConfig(BACKLOG_TIMER, false));
        long step = RateHistory.STEP.toMillis();
        timerService.createIntervalTimer(step, step, new TimerConfig(RATES_TIMER, false));
        LOG.info("Operations sampler: backlog every " + settings.sampleInterval() + ", rates every " + RateHistory.STEP
                + " for " + settings.rateHistory());
    }

    @Timeout
    void onTimeout(Timer timer) {
        if (RATES_TIMER.equals(timer.getInfo())) {
            rates.record(clock.instant(), totals.read());
        } else {
            sample();
        }
    }

    /** Takes a sample now (the timer does; a test may) unless one is running; answers the latest snapshot. */
    public OperationsSnapshot sample() {
        if (!sampling.compareAndSet(false, true)) {
            return latest();
        }
        try {
            OperationsSnapshot snapshot = sampler.sample(clock.instant(),
                    errors -> new BacklogReader(redis.client(), redisKeys.streamPrefix(), redisKeys.workflowStream(),
                            settings.lagCountLimit()).read(errors),
                    queueCounter::count);
            if (!snapshot.errors().isEmpty()) {
                // Every sample repeats the errors of a lasting outage: one WARNING when they begin, FINE after.
                LOG.log(sampler.errorsBegan() ? Level.WARNING : Level.FINE,
                        "Operations sample incomplete; keeping the previous figures of what could not be read: "
                                + snapshot.errors());
            }
            sampled.fire(snapshot);
            return snapshot;
        } finally {
            sampling.set(false);
        }
    }

    /** The latest sample (before the first one, a snapshot that says so). */
    public OperationsSnapshot latest() {
        return sampler.latest();
    }

    /** The rate history, oldest first. */
    public List<RatePoint> rates() {
        return rates.points();
    }
}
