package dev.herald.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queue workers: {@code herald.workflow.workers} non-persistent interval timers, each tick one
 * {@link QueueRunner} pass. Adapter only: claiming, ordering, retries and DEAD are decided in {@link QueueRunner} and
 * {@link QueuePolicy}, stored by {@link WorkflowQueue}, applied by {@link WorkflowService#applyQueued}. Ticks may
 * overlap (bean-managed concurrency): the claims keep them, and other servers' workers, from taking one event twice.
 * Undeploying cancels the timers; an event being applied then is rolled back and taken over after the claim timeout.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the tables exist and are current before this bean touches them
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // every step is its own transaction (WorkflowQueue)
public class WorkflowQueueWorker {

    private static final Logger LOG = Logger.getLogger(WorkflowQueueWorker.class.getName());
    private static final int BATCH = 100;
    private static final Clock MILLIS = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    @Inject
    WorkflowSettings settings;

    @Inject
    WorkflowQueue queue;

    @Inject
    WorkflowService workflows;

    @Resource
    TimerService timerService;

    private QueueRunner runner;
    private volatile boolean stopping;

    /** Invalid settings failed the deployment already, when the {@link WorkflowSettings} were read. */
    @PostConstruct
    void start() {
        QueuePolicy policy = settings.queuePolicy();
        int workers = settings.workers();
        Duration pollInterval = settings.pollInterval();
        runner = new QueueRunner(new QueueRunner.Queue() {
            @Override
            public List<QueuedEvent> heads(int limit) {
                return queue.heads(limit);
            }

            @Override
            public Optional<QueuedEvent> headOf(String tenantId, String executionId) {
                return queue.headOf(tenantId, executionId);
            }

            @Override
            public boolean claim(QueuedEvent head, Instant now) {
                return queue.claim(head, now);
            }

            @Override
            public boolean apply(QueuedEvent claim) {
                return workflows.applyQueued(claim);
            }

            @Override
            public boolean failed(QueuedEvent claim, String reason, Optional<Instant> retryAt) {
                return queue.failed(claim, reason, retryAt);
            }
        }, policy, BATCH);
        long millis = pollInterval.toMillis();
        for (int i = 0; i < workers; i++) {
            timerService.createIntervalTimer(millis + i * millis / workers, millis,
                    new TimerConfig("herald-workflow-worker-" + i, false));
        }
        LOG.info("Workflow queue: " + workers + " worker(s) every " + pollInterval + ", " + policy);
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }

    @Timeout
    void onTimeout(Timer timer) {
        if (stopping) {
            return;
        }
        try {
            QueueRunner.Pass pass = runner.runOnce(MILLIS);
            if (pass.claimed() > 0) {
                LOG.fine(() -> timer.getInfo() + ": " + pass);
            }
        } catch (RuntimeException e) {
            // Failures of one event are recorded by the runner; this is the storage itself failing (database
            // away). The next tick is the retry; the queued rows wait in the journal meanwhile.
            LOG.log(Level.WARNING, "Workflow queue pass failed; retrying next tick", e);
        }
    }
}
