package dev.herald.subscribe;

import java.util.List;
import java.util.Set;

/**
 * Remembers which subscriber has handled which event on which channel, so a redelivered entry does not run an
 * observer that already succeeded. Each remembered delivery expires on its own.
 */
public interface DeliveryLedger {

    /** The subscriber ids, among those given, that have handled the event on the channel. */
    Set<String> handled(String eventId, String channel, List<String> subscriberIds);

    /** Records that the subscriber handled the event on the channel. */
    void markHandled(String eventId, String channel, String subscriberId);
}
