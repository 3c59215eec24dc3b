package dev.herald.workflow;

import static dev.herald.kernel.Settings.atLeast;
import static dev.herald.kernel.Settings.positive;
import static dev.herald.kernel.Settings.required;

import java.time.Duration;
import org.eclipse.microprofile.config.Config;

/**
 * The workflow runtime's settings ({@code herald.workflow.*}): snapshots, the queue workers and the trigger consumer
 * of the workflow stream. The one place their names and defaults are written (docs/operations.md documents them;
 * {@code SettingsDocumentedTest} keeps the two equal). Invalid values fail the deployment: a typo must not stop
 * queued processing or the triggers silently.
 *
 * @param snapshotEvery       a snapshot every N journal events (0: on demand only)
 * @param snapshotsKept       the newest K snapshots survive a prune
 * @param maxAttempts         attempts (claims) of a queued event before it is DEAD
 * @param claimTimeout        a queued event PROCESSING longer than this is taken over by another worker
 * @param retryDelay          backoff after a failed attempt, doubled per attempt...
 * @param retryMaxDelay       ...up to this
 * @param workers             queue worker timers per server
 * @param pollInterval        how often each worker looks for queued events
 * @param consumerGroup       the consumer group on the workflow stream
 * @param streamPollInterval  how often the trigger consumer reads the workflow stream
 * @param streamClaimIdle     an unacknowledged workflow-stream entry idle this long is claimed again and retried
 * @param streamBatch         entries per read of the workflow stream
 * @param streamMaxDeliveries a workflow-stream entry whose triggers still fail at this delivery is dead-lettered
 * @param earlyEventTtl       how long a correlated event that arrived before its execution is kept
 */
public record WorkflowSettings(int snapshotEvery, int snapshotsKept, int maxAttempts, Duration claimTimeout,
                               Duration retryDelay, Duration retryMaxDelay, int workers, Duration pollInterval,
                               String consumerGroup, Duration streamPollInterval, Duration streamClaimIdle,
                               int streamBatch, int streamMaxDeliveries, Duration earlyEventTtl) {

    public static final String SNAPSHOT_EVERY = "herald.workflow.snapshot-every";
    public static final int DEFAULT_SNAPSHOT_EVERY = 50;

    public static final String SNAPSHOTS_KEPT = "herald.workflow.snapshots-kept";
    public static final int DEFAULT_SNAPSHOTS_KEPT = 3;

    public static final String MAX_ATTEMPTS = "herald.workflow.max-attempts";
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    public static final String CLAIM_TIMEOUT = "herald.workflow.claim-timeout";
    public static final Duration DEFAULT_CLAIM_TIMEOUT = Duration.ofSeconds(30);

    public static final String RETRY_DELAY = "herald.workflow.retry-delay";
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

    public static final String RETRY_MAX_DELAY = "herald.workflow.retry-max-delay";
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofMinutes(5);

    public static final String WORKERS = "herald.workflow.workers";
    public static final int DEFAULT_WORKERS = 2;

    public static final String POLL_INTERVAL = "herald.workflow.poll-interval";
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);

    public static final String CONSUMER_GROUP = "herald.workflow.consumer-group";
    public static final String DEFAULT_CONSUMER_GROUP = "workflow-runtime-v2";

    public static final String STREAM_POLL_INTERVAL = "herald.workflow.stream-poll-interval";
    public static final Duration DEFAULT_STREAM_POLL_INTERVAL = Duration.ofMillis(500);

    public static final String STREAM_CLAIM_IDLE = "herald.workflow.stream-claim-idle";
    public static final Duration DEFAULT_STREAM_CLAIM_IDLE = Duration.ofSeconds(30);

    public static final String STREAM_BATCH = "herald.workflow.stream-batch";
    public static final int DEFAULT_STREAM_BATCH = 50;

    public static final String STREAM_MAX_DELIVERIES = "herald.workflow.stream-max-deliveries";
    public static final int DEFAULT_STREAM_MAX_DELIVERIES = 5;

    public static final String EARLY_EVENT_TTL = "herald.workflow.early-event-ttl";
    public static final Duration DEFAULT_EARLY_EVENT_TTL = Duration.ofHours(24);

    public WorkflowSettings {
        new SnapshotPolicy(snapshotEvery, snapshotsKept); // checks both
        new QueuePolicy(maxAttempts, claimTimeout, retryDelay, retryMaxDelay); // checks the four
        atLeast(WORKERS, 1, workers);
        positive(POLL_INTERVAL, pollInterval);
        required(CONSUMER_GROUP, consumerGroup);
        if (consumerGroup.isBlank()) {
            throw new IllegalArgumentException(CONSUMER_GROUP + " must not be blank");
        }
        positive(STREAM_POLL_INTERVAL, streamPollInterval);
        positive(STREAM_CLAIM_IDLE, streamClaimIdle);
        atLeast(STREAM_BATCH, 1, streamBatch);
        atLeast(STREAM_MAX_DELIVERIES, 1, streamMaxDeliveries);
        positive(EARLY_EVENT_TTL, earlyEventTtl);
    }

    public static WorkflowSettings defaults() {
        return new WorkflowSettings(DEFAULT_SNAPSHOT_EVERY, DEFAULT_SNAPSHOTS_KEPT, DEFAULT_MAX_ATTEMPTS,
                DEFAULT_CLAIM_TIMEOUT, DEFAULT_RETRY_DELAY, DEFAULT_RETRY_MAX_DELAY, DEFAULT_WORKERS,
                DEFAULT_POLL_INTERVAL, DEFAULT_CONSUMER_GROUP, DEFAULT_STREAM_POLL_INTERVAL, DEFAULT_STREAM_CLAIM_IDLE,
                DEFAULT_STREAM_BATCH, DEFAULT_STREAM_MAX_DELIVERIES, DEFAULT_EARLY_EVENT_TTL);
    }

    public static WorkflowSettings from(Config config) {
        return new WorkflowSettings(
                config.getOptionalValue(SNAPSHOT_EVERY, Integer.class).orElse(DEFAULT_SNAPSHOT_EVERY),
                config.getOptionalValue(SNAPSHOTS_KEPT, Integer.class).orElse(DEFAULT_SNAPSHOTS_KEPT),
                config.getOptionalValue(MAX_ATTEMPTS, Integer.class).orElse(DEFAULT_MAX_ATTEMPTS),
                config.getOptionalValue(CLAIM_TIMEOUT, Duration.class).orElse(DEFAULT_CLAIM_TIMEOUT),
                config.getOptionalValue(RETRY_DELAY, Duration.class).orElse(DEFAULT_RETRY_DELAY),
                config.getOptionalValue(RETRY_MAX_DELAY, Duration.class).orElse(DEFAULT_RETRY_MAX_DELAY),
                config.getOptionalValue(WORKERS, Integer.class).orElse(DEFAULT_WORKERS),
                config.getOptionalValue(POLL_INTERVAL, Duration.class).orElse(DEFAULT_POLL_INTERVAL),
                config.getOptionalValue(CONSUMER_GROUP, String.class).orElse(DEFAULT_CONSUMER_GROUP),
                config.getOptionalValue(STREAM_POLL_INTERVAL, Duration.class).orElse(DEFAULT_STREAM_POLL_INTERVAL),
                config.getOptionalValue(STREAM_CLAIM_IDLE, Duration.class).orElse(DEFAULT_STREAM_CLAIM_IDLE),
                config.getOptionalValue(STREAM_BATCH, Integer.class).orElse(DEFAULT_STREAM_BATCH),
                config.getOptionalValue(STREAM_MAX_DELIVERIES, Integer.class).orElse(DEFAULT_STREAM_MAX_DELIVERIES),
                config.getOptionalValue(EARLY_EVENT_TTL, Duration.class).orElse(DEFAULT_EARLY_EVENT_TTL));
    }

    public SnapshotPolicy snapshotPolicy() {
        return new SnapshotPolicy(snapshotEvery, snapshotsKept);
    }

    public QueuePolicy queuePolicy() {
        return new QueuePolicy(maxAttempts, claimTimeout, retryDelay, retryMaxDelay);
    }
}
