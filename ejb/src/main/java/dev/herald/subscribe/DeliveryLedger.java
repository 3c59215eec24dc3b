package dev.herald.subscribe;

import java.util.Collection;
import java.util.Set;

/**
 * Remembers which subscriber has handled which event on which channel, so a redelivered entry does not run an
 * observer that already succeeded. Each remembered delivery expires on its own.
 */
public interface DeliveryLedger {

    /** The key of one delivery: event id, channel, subscriber id. */
    String key(String eventId, String channel, String subscriberId);

    /** The keys, among those given, of deliveries that were handled; one round trip for a whole batch. */
    Set<String> handled(Collection<String> keys);

    /** The same as {@link #handled}, answered later, so the caller need not wait for the round trip. */
    default java.util.concurrent.CompletionStage<Set<String>> handledAsync(Collection<String> keys) {
        return java.util.concurrent.CompletableFuture.completedFuture(handled(keys));
    }

    /**
     * Records a handled delivery. It may complete after returning, at the latest with the next {@link #flush()}
     * (the next delivery of the entry is a claim idle time away); a failure is logged at WARNING and means the
     * subscriber may run once more.
     */
    void markHandled(String key);

    /**
     * Writes the marks recorded since the last flush, all in one pipelined round trip, without waiting for it; the
     * consumer calls it, from its one loop thread, just before it acknowledges. A ledger that writes each mark at
     * once has nothing to do here.
     */
    default void flush() {
    }
}
