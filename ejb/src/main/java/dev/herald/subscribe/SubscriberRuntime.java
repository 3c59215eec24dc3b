package dev.herald.subscribe;

import dev.herald.auth.TenantDirectory;
import dev.herald.kernel.EventMetrics;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.relay.WireFormat;
import dev.herald.schema.SchemaRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
 * loop tries again a second later, so the consumer resumes by itself when Redis is back.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator") // the tables exist and are current before this bean touches them
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubscriberRuntime {

    private static final Logger LOG = Logger.getLogger(SubscriberRuntime.class.getName());

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

    private volatile boolean running;
    private volatile Subscriptions active;
    private volatile ConsumerSettings settings;
    private volatile Map<String, List<Subscription>> streams = Map.of();
    private volatile boolean paused;
    private volatile boolean idle;
    private final Object pauseSignal = new Object();
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private Future<Void> loop;

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
        loop = tasks.start(() -> {
            run();
            return null;
        });
        LOG.info("Subscribers " + active.all().stream().map(Subscription::id).toList() + " consuming " + streams.keySet()
                + " as " + settings.consumer() + " in group " + settings.group());
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
                    return;
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
    }

    private StreamConsumer newConsumer() {
        var client = redis.client();
        Delivery delivery = new Delivery(invoker, tasks,
                new RedisDeliveryLedger(client, configuration.dedupePrefix(), configuration.dedupeWindow()),
                settings.handlerTimeout(), metrics);
        return new StreamConsumer(client, settings, streams, new EntryDecoder(registry), delivery, deadLetters(), metrics);
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
            loop.get(settings.block().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (TimeoutException e) {
            LOG.warning("The subscriber loop did not stop within " + settings.block().plusSeconds(5) + "; leaving it");
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.log(Level.WARNING, "The subscriber loop ended with an error", e.getCause());
        }
    }
}
