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

    /**
     * Records a handled delivery. It may complete after returning, at the latest with the next {@link #flush()}
     * (the next delivery of the entry is a claim idle time away); a failure is logged at WARNING and means the
     * subscriber may run once more.
     */
    void markHandled(String key);

    /**
     * Writes the marks recorded since the last flush, all in one round trip. The consumer calls it before it
     * acknowledges, from its one loop thread. A ledger that writes each mark at once has nothing to do here.
     */
    default void flush() {
    }
}
