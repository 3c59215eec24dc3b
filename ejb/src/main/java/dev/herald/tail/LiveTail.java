package dev.herald.tail;

import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.subscribe.ObserverTasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RPatternTopic;
import org.redisson.client.codec.StringCodec;

/**
 * The live tail of one server: one pattern subscription to every pub/sub channel the relay publishes on
 * ({@code {channelPrefix}:*}), made when the first client connects and kept (Redisson subscribes again after a
 * reconnect), feeding {@link TailHub}. Each client's writes run on a container thread of their own.
 */
@ApplicationScoped
public class LiveTail {

    private static final Logger LOG = Logger.getLogger(LiveTail.class.getName());
    /** How many event ids the hub remembers to send an event published on several channels once. */
    private static final int RECENT_IDS = 10_000;

    @Inject
    RedisConnection redis;

    @Inject
    RedisKeys relay;

    @Inject
    ObserverTasks tasks;

    @Inject
    TailSettings settings;

    private TailHub hub;
    private RPatternTopic topic;
    private int listener;

    @PostConstruct
    void init() {
        hub = new TailHub(settings.queueSize(), settings.keepAlive(), RECENT_IDS);
    }

    /**
     * Subscribes the client; it receives a ready signal first, then every matching event published after it.
     *
     * @throws TailUnavailableException when Redis cannot be reached to subscribe
     */
    public TailSubscriber open(TailFilter filter, TailSink sink) {
        subscribe();
        TailSubscriber subscriber = hub.register(filter, sink);
        try {
            tasks.start(() -> {
                subscriber.run();
                return null;
            });
        } catch (RuntimeException e) {
            hub.remove(subscriber);
            throw e;
        }
        return subscriber;
    }

    public int clients() {
        return hub.size();
    }

    private synchronized void subscribe() {
        if (topic != null) {
            return;
        }
        String pattern = pattern(relay.channelPrefix());
        try {
            RPatternTopic subscribed = redis.client().getPatternTopic(pattern, StringCodec.INSTANCE);
            listener = subscribed.addListener(String.class,
                    (matched, channel, message) -> hub.dispatch(channel.toString(), message));
            topic = subscribed;
            LOG.info(() -> "live tail subscribed to " + pattern);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "live tail cannot subscribe to " + pattern, e);
            throw new TailUnavailableException("the live tail cannot subscribe to Redis: " + e.getMessage(), e);
        }
    }

    /** The glob matching every {@code {channelPrefix}:{TYPE}}; glob characters of the prefix match themselves only. */
    static String pattern(String channelPrefix) {
        return channelPrefix.replaceAll("([\\\\*?\\[\\]^])", "\\\\$1") + ":*";
    }

    @PreDestroy
    void stop() {
        hub.stopAll("the application is stopping");
        RPatternTopic subscribed;
        synchronized (this) {
            subscribed = topic;
            topic = null;
        }
        // Redisson may be shut down already (the order in which the container destroys beans is not defined); its
        // subscriptions went with it.
        if (subscribed != null && !redis.client().isShuttingDown() && !redis.client().isShutdown()) {
            try {
                subscribed.removeListener(listener);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "live tail could not unsubscribe", e);
            }
        }
    }
}
