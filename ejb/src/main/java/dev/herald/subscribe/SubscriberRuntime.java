package dev.herald.subscribe;

import dev.herald.auth.TenantDirectory;
import dev.herald.kernel.EventMetrics;
import dev.herald.tracing.EventSpans;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.relay.WireFormat;
import dev.herald.schema.SchemaRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.PreDestroy;
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
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Starts the subscribers when the application starts and stops them when it stops: the adapter between the
 * container and {@link StreamConsumer}. The consumer loop runs on a container thread ({@link ObserverTasks}); a
 * failed round (Redis away, a command timing out) is logged at WARNING, remembered in {@link #status()}, and the
 * loop tries again a second later, so the consumer resumes by itself when Redis is back. A timer checks every 10 s
 * that the loop runs, and starts it again if it never started or ended.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the tables exist and are current before this bean touches them
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriberRuntime {

    private static final Logger LOG = Logger.getLogger(SubscriberRuntime.class.getName());
    /** How often the loop is checked (and started again when it is not running). */
    private static final Duration WATCH_EVERY = Duration.ofSeconds(10);

    /** What the operator sees: who consumes what, and how the last round went. */
    public record Status(String group, String consumer, List<Subscription> subscriptions, List<String> streams,
                         boolean running, String lastError, Instant lastErrorAt) {
    }

    @Inject
    Clock clock;

    @Inject
    SubscriptionExtension extension;

    @Inject
    SubscriberSettings configuration;

    @Inject
    RedisKeys redisKeys;

    @Inject
    RedisConnection redis;

    @Inject
    SchemaRegistry registry;

    @Inject
    CdiObserverInvoker invoker;

    @Inject
    ObserverTasks tasks;

    @Inject
    Config config;

    @Inject
    TenantDirectory tenantDirectory;

    @Inject
    EventMetrics metrics;

    @Inject
    EventSpans spans;

    @Resource
    TimerService timerService;

    private volatile boolean running;
    private volatile Subscriptions active;
    private volatile ConsumerSettings settings;
    private volatile Map<String, List<Subscription>> streams = Map.of();
    private volatile boolean paused;
    private volatile boolean idle;
    private final Object pauseSignal = new Object();
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Future<Void> loop;

    @PostConstruct
    void start() {
        settings = configuration.consumerSettings();
        active = extension.subscriptions().active(name -> config.getOptionalValue(name, Boolean.class).orElse(false))
                .withTenantIds(tenantDirectory::idOf);
        streams = active.byStream(new WireFormat(redisKeys));
        if (streams.isEmpty()) {
            LOG.info("No active subscriber: nothing to consume");
            return;
        }
        running = true;
        loop = startLoop();
        // Timers fire only once the application has started, so this one also starts a loop whose first start the
        // container refused (an @Asynchronous call made during a slow start-up fails with ApplicationNotStartedException).
        timerService.createIntervalTimer(WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(), new TimerConfig("subscriber-loop-watch", false));
        LOG.info("Subscribers " + active.all().stream().map(Subscription::id).toList() + " consuming " + streams.keySet()
                + " as " + settings.consumer() + " in group " + settings.group());
    }

    private Future<Void> startLoop() {
        return tasks.start(() -> {
            run();
            return null;
        });
    }

    /** Starts the loop again when it is not running while it should be: it never started, or it ended with an error. */
    @Timeout
    void watchLoop(Timer timer) {
        Future<Void> current = loop;
        if (!running || current == null || !current.isDone()) {
            return;
        }
        String why;
        try {
            current.get();
            why = "it returned";
        } catch (java.util.concurrent.ExecutionException e) {
            why = Delivery.describe(Delivery.unwrap(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (java.util.concurrent.CancellationException e) {
            why = "it was cancelled";
        }
        LOG.warning("The subscriber loop is not running (" + why + "); starting it again");
        lastError = "the loop stopped: " + why;
        lastErrorAt = Instant.now();
        loop = startLoop();
    }

    private void run() {
        StreamConsumer consumer = null;
        while (running) {
            try {
                if (paused) {
                    awaitResume();
                    continue;
                }
                if (consumer == null) {
                    consumer = newConsumer();
                    List<String> created = consumer.ensureGroups();
                    if (!created.isEmpty()) {
                        LOG.info("Created consumer group " + settings.group() + " on " + created);
                    }
                }
                consumer.poll();
                lastError = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    break;
                }
                LOG.log(Level.WARNING, "Subscriber round failed; retrying in a second", e);
                lastError = Delivery.describe(e);
                lastErrorAt = Instant.now();
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (consumer != null) {
            finish(consumer);
        }
    }

    /**
     * Lets the deliveries in flight end (at most a handler timeout) and acknowledges those handled; what is left
     * stays pending and is claimed after the next start.
     */
    private void finish(StreamConsumer consumer) {
        try {
            if (!consumer.drain(settings.handlerTimeout())) {
                LOG.warning(consumer.inFlight() + " entries were still being delivered at stop; they stay unacknowledged"
                        + " and are delivered again after the claim idle time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not acknowledge the last deliveries at stop; they are delivered again", e);
        }
    }

    private StreamConsumer newConsumer() {
        var client = redis.client();
        Delivery delivery = new Delivery(invoker, tasks,
                new RedisDeliveryLedger(client, configuration.dedupePrefix(), configuration.dedupeWindow()),
                settings.handlerTimeout(), metrics, spans);
        return new StreamConsumer(client, settings, streams, new EntryDecoder(registry), delivery, deadLetters(), tasks,
                metrics);
    }

    /** The dead letters of every stream, for listing and replay. */
    public DeadLetters deadLetters() {
        return new DeadLetters(redis.client(), settings.group(), clock);
    }

    public Status status() {
        return new Status(settings.group(), settings.consumer(), active == null ? List.of() : active.all(),
                List.copyOf(streams.keySet()), running && loop != null && !loop.isDone(), lastError, lastErrorAt);
    }

    /** The per-type stream key of a channel and event type, as the relay writes it. */
    public String streamOf(String channel, String eventType) {
        return new WireFormat(redisKeys).typeStream(channel, eventType);
    }

    /**
     * Stops this server's consumer from reading, claiming and acknowledging until {@link #resume()} (an operator's
     * pause): entries wait in the streams, and the group's lag grows. Other servers' consumers of the group go on.
     * Waits until the loop has finished the round it was in (at most {@code herald.subscribe.block} plus its
     * deliveries, bounded here by {@code wait}); answers whether it is idle, i.e. no delivery runs any more.
     */
    public boolean pause(Duration wait) throws InterruptedException {
        paused = true;
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (pauseSignal) {
            while (!idle && loop != null && !loop.isDone()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                pauseSignal.wait(Math.max(1, left / 1_000_000));
            }
        }
        return true;
    }

    public void resume() {
        paused = false;
        synchronized (pauseSignal) {
            pauseSignal.notifyAll();
        }
    }

    public boolean paused() {
        return paused;
    }

    private void awaitResume() throws InterruptedException {
        synchronized (pauseSignal) {
            idle = true;
            pauseSignal.notifyAll();
            try {
                while (paused && running) {
                    pauseSignal.wait(1_000); // wakes on resume(); the timeout lets stop() end a paused loop
                }
            } finally {
                idle = false;
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        if (loop == null) {
            return;
        }
        try {
            loop.get(settings.block().plus(settings.handlerTimeout()).toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warning("The subscriber loop did not stop within " + settings.block().plus(settings.handlerTimeout()).plusSeconds(5)
                    + "; leaving it");
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.log(Level.WARNING, "The subscriber loop ended with an error", e.getCause());
        }
    }
}
