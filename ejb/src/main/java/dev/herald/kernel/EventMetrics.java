package dev.herald.kernel;

import java.time.Duration;

/**
 * What the event path counts, as the core classes see it: plain calls, cheap enough for once per event (an
 * increment, no I/O). The MicroProfile Metrics adapter is {@code dev.herald.metrics.RegistryEventMetrics}; pure
 * classes and their unit tests use {@link #NONE}. It lives here, in the kernel, so that every feature package may
 * call it and the metrics package may read the features (its gauges) without a cycle.
 */
public interface EventMetrics {

    /** An event handed to the broker by {@code EventPublisher} (counted when its transaction commits). */
    void published(String eventType);

    /** A publish refused because an event of it was invalid (one per refused call). */
    void refused();

    /** One event written to Redis on one channel by the relay (a redelivery the relay skips is not counted). */
    void relayed(String eventType);

    /** One event of a relay attempt that failed (the broker redelivers it). */
    void relayFailed();

    /** One event the broker gave up on, recorded from its dead-letter queue. */
    void relayDeadLettered();

    /** One failed event handed to the relay again by an operator. */
    void relayReplayed();

    /** From the envelope's timestamp to the moment the relay's write returned. */
    void publishToStream(Duration latency);

    /** A subscriber's observer handled an event. */
    void delivered(String subscriberId);

    /** A subscriber's observer threw. */
    void deliveryFailed(String subscriberId);

    /** A subscriber's observer did not finish within the handler timeout. */
    void deliveryTimedOut(String subscriberId);

    /** An entry of a subscriber's stream was moved to its dead-letter stream. */
    void subscriberDeadLettered(String subscriberId);

    /**
     * A retention pass removed entries from Herald's streams (called once per pass that removed any). A default
     * method, so that the classes counting the event path need not know retention.
     */
    default void retentionTrimmed(long entries) {
    }

    /** Counts nothing. */
    EventMetrics NONE = new EventMetrics() {
        @Override public void published(String eventType) { }
        @Override public void refused() { }
        @Override public void relayed(String eventType) { }
        @Override public void relayFailed() { }
        @Override public void relayDeadLettered() { }
        @Override public void relayReplayed() { }
        @Override public void publishToStream(Duration latency) { }
        @Override public void delivered(String subscriberId) { }
        @Override public void deliveryFailed(String subscriberId) { }
        @Override public void deliveryTimedOut(String subscriberId) { }
        @Override public void subscriberDeadLettered(String subscriberId) { }
    };
}
