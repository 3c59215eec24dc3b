package dev.herald.workflow;

import dev.herald.tracing.EventSpans;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.subscribe.SubscriberSettings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the workflow stream with the consumer group {@code herald.workflow.consumer-group} and routes every entry
 * through {@link WorkflowTriggers} (one transaction per entry), on a non-persistent interval timer. Adapter only: the
 * acknowledgement rules are {@link WorkflowStreamPass}'s, the Redis commands {@link RedisWorkflowStream}'s.
 *
 * <p>While Redis is away each tick fails and is logged (WARNING once, then FINE until it answers again), and reading
 * resumes by itself. Until the group was created at the stream's end once (Redis away at deployment), every tick
 * tries that first; a group Redis lost later is recreated by the consumer-group engine's restart rule
 * ({@link dev.herald.redis.ConsumerGroup}). Undeploying cancels the timer and stops a running
 * pass between two entries; unacknowledged entries are claimed again (XAUTOCLAIM) after the idle time.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the tables exist and are current before this bean touches them
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // XACK only after each entry's own transaction committed
public class WorkflowStreamConsumer {

    private static final Logger LOG = Logger.getLogger(WorkflowStreamConsumer.class.getName());
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    @Inject
    WorkflowSettings settings;

    @Inject
    RedisKeys redisKeys;

    @Inject
    RedisConnection redis;

    @Inject
    WorkflowTriggers triggers;

    /** The node's name on Redis (host:server-name, or herald.subscribe.consumer-name): one per node, stable. */
    @Inject
    SubscriberSettings node;

    @Resource
    TimerService timerService;

    @Inject
    EventSpans spans;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile boolean failing;
    private volatile boolean groupCreated;
    private volatile RedisWorkflowStream stream;
    private volatile Instant lastPurge = Instant.EPOCH;

    @PostConstruct
    void start() {
        // The settings were checked when read: positive intervals, a batch and a delivery limit of 1 or more.
        String group = settings.consumerGroup();
        Duration pollInterval = settings.streamPollInterval();
        Duration claimIdle = settings.streamClaimIdle();
        int maxDeliveries = settings.streamMaxDeliveries();
        // The node's consumer name, as the subscribers' (a different group, so the same name is no clash): unique per
        // node and the same after a restart, so a restarted node finds its own pending entries under its name and a
        // killed JVM leaves no consumer behind that nobody will ever be again (the JVM's pid@host did both).
        String consumer = node.consumer();
        stream = new RedisWorkflowStream(redis::client, redisKeys.workflowStream(), group, consumer,
                claimIdle);
        try {
            // Now rather than at the first tick, so that events published right after the deployment are read.
            stream.ensureGroup();
            groupCreated = true;
        } catch (RuntimeException e) {
            failing = true;
            LOG.log(Level.WARNING, "Workflow stream consumer cannot create its group yet (Redis away?); the timer"
                    + " retries every " + pollInterval, e);
        }
        timerService.createIntervalTimer(pollInterval.toMillis(), pollInterval.toMillis(),
                new TimerConfig("herald-workflow-stream", false));
        LOG.info("Workflow stream consumer: " + redisKeys.workflowStream() + ", group " + group
                + ", consumer " + consumer + ", every " + pollInterval + ", unacknowledged entries retried after " + claimIdle
                + ", dead-lettered at delivery " + maxDeliveries);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    @Timeout
    void onTimeout() {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!groupCreated) {
                stream.ensureGroup();
                groupCreated = true;
            }
            WorkflowStreamPass.Result result = new WorkflowStreamPass(stream, this::trigger, settings.streamBatch(), settings.streamMaxDeliveries())
                    .run(() -> stopping);
            if (failing) {
                failing = false;
                LOG.info("Workflow stream consumer reads " + redisKeys.workflowStream() + " again");
            }
            if (result.total() > 0) {
                LOG.fine(() -> "Workflow stream pass: " + result);
            }
            purgeExpiredEarlyEvents();
        } catch (RuntimeException e) {
            // Redis (or the database) is away: the next tick is the retry, and nothing was acknowledged.
            LOG.log(failing ? Level.FINE : Level.WARNING, "Workflow stream consumer cannot read "
                    + redisKeys.workflowStream() + "; retrying every " + settings.streamPollInterval(), e);
            failing = true;
        } finally {
            running.set(false);
        }
    }

    /** Hands one entry to the triggers, in a span that continues the relay's trace. */
    private void trigger(WorkflowStreamEntry entry) {
        try (EventSpans.EventSpan span = spans.receiving("herald workflow trigger", entry.traceparent(), entry.eventId(),
                entry.eventType())) {
            try {
                triggers.handle(entry);
            } catch (RuntimeException e) {
                span.failed(e);
                throw e;
            }
        }
    }

    public String streamKey() {
        return redisKeys.workflowStream();
    }

    /** The workflow stream's oldest dead letters (every tenant's: for operators). */
    public DeadLetters.Page deadLetters(int count) {
        return stream.deadLetterPage(count);
    }

    /** Writes a dead letter back to the workflow stream, where the group reads it as a new entry. */
    public Optional<String> replayDeadLetter(String deadLetterId) {
        return stream.replay(deadLetterId);
    }

    private void purgeExpiredEarlyEvents() {
        Instant now = Instant.now();
        if (now.isBefore(lastPurge.plus(PURGE_EVERY))) {
            return;
        }
        lastPurge = now;
        int purged = triggers.purgeExpiredEarlyEvents();
        if (purged > 0) {
            LOG.warning(purged + " early workflow event(s) expired before an execution waited for them and were dropped"
                    + " (herald.workflow.early-event-ttl)");
        }
    }
}
