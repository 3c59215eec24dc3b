package dev.herald.tail;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The connected live-tail clients and the dispatch of each pub/sub message to those whose tenant and types match.
 * Dispatch only queues (it runs on the Redis listener thread): a client whose queue is full is dropped with a
 * warning, and the others keep receiving.
 *
 * <p>One event, one delivery: the relay publishes an event once per channel it is written to, all on the same
 * pub/sub channel {@code {channelPrefix}:{TYPE}} with the same envelope, so the hub forwards an event id the first
 * time it sees it and ignores it for the next {@code recentIds} events. The tail therefore shows events, not
 * (event, channel) deliveries, and does not say on which channels an event went out.
 */
public final class TailHub {

    private static final Logger LOG = Logger.getLogger(TailHub.class.getName());

    private final Map<Long, TailSubscriber> subscribers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final RecentIds recent;
    private final int queueSize;
    private final Duration keepAlive;

    public TailHub(int queueSize, Duration keepAlive, int recentIds) {
        if (queueSize < 1 || keepAlive.isNegative() || keepAlive.isZero() || recentIds < 1) {
            throw new IllegalArgumentException("queue size, keep-alive and recent ids must be positive");
        }
        this.queueSize = queueSize;
        this.keepAlive = keepAlive;
        this.recent = new RecentIds(recentIds);
    }

    /** A new client; it receives events once its {@link TailSubscriber#run} is started on a thread of its own. */
    public TailSubscriber register(TailFilter filter, TailSink sink) {
        TailSubscriber subscriber = new TailSubscriber(ids.incrementAndGet(), filter, sink, queueSize, keepAlive, this::remove);
        subscribers.put(subscriber.id(), subscriber);
        return subscriber;
    }

    void remove(TailSubscriber subscriber) {
        subscribers.remove(subscriber.id(), subscriber);
    }

    /**
     * @param channel the pub/sub channel the message came on (for the log)
     * @return the number of clients the event was queued for
     */
    public int dispatch(String channel, String message) {
        if (subscribers.isEmpty()) {
            return 0;
        }
        TailEvent event;
        try {
            event = TailEvent.fromEnvelope(message);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "live tail skips a message on " + channel + " that is not an event envelope: " + e.getMessage());
            return 0;
        }
        if (!recent.firstSighting(event.id())) {
            return 0;
        }
        int queued = 0;
        for (TailSubscriber subscriber : subscribers.values()) {
            try {
                if (subscriber.isStopped() || !subscriber.filter().matches(event)) {
                    continue;
                }
                if (subscriber.offer(event)) {
                    queued++;
                } else {
                    drop(subscriber, "its queue of " + queueSize + " events is full: the client does not keep up");
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, subscriber.describe() + ": dispatching event " + event.id() + " failed", e);
                drop(subscriber, "dispatching failed: " + e);
            }
        }
        return queued;
    }

    private void drop(TailSubscriber subscriber, String reason) {
        LOG.warning(() -> "dropping " + subscriber.describe() + ": " + reason);
        remove(subscriber);
        subscriber.stop("dropped: " + reason);
    }

    /** Ends every client's stream (the application stops). */
    public void stopAll(String reason) {
        subscribers.values().forEach(subscriber -> {
            remove(subscriber);
            subscriber.stop(reason);
        });
    }

    public int size() {
        return subscribers.size();
    }
}
