package dev.herald.subscribe;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A ledger for unit tests of the delivery logic. */
final class InMemoryLedger implements DeliveryLedger {

    final Set<String> marks = ConcurrentHashMap.newKeySet();

    @Override
    public String key(String eventId, String channel, String subscriberId) {
        return eventId + ":" + channel + ":" + subscriberId;
    }

    @Override
    public Set<String> handled(Collection<String> keys) {
        return keys.stream().filter(marks::contains).collect(Collectors.toSet());
    }

    @Override
    public void markHandled(String key) {
        marks.add(key);
    }
}
