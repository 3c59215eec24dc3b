package dev.herald.subscribe;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A ledger for unit tests of the delivery logic. */
final class InMemoryLedger implements DeliveryLedger {

    final Set<String> marks = ConcurrentHashMap.newKeySet();

    @Override
    public Set<String> handled(String eventId, String channel, List<String> subscriberIds) {
        return subscriberIds.stream().filter(id -> marks.contains(eventId + ":" + channel + ":" + id)).collect(Collectors.toSet());
    }

    @Override
    public void markHandled(String eventId, String channel, String subscriberId) {
        marks.add(eventId + ":" + channel + ":" + subscriberId);
    }
}
