package dev.herald.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides which events of one transaction share a JMS message. The relay writes a message's events in one Redis
 * call, so fewer, fuller messages are what makes batches fast; the broker orders messages per group, so a message
 * only ever holds events of one aggregate (one JMS group), in publish order, with the same channels.
 */
public final class MessageGrouping {

    private MessageGrouping() {
    }

    /**
     * @param aggregateKey the ordering key of an event (empty: no order promised)
     * @param channels     the channels of an event; consecutive events of one aggregate on other channels start a new message
     * @param maxPerMessage at most this many events in one message (keeps messages under the broker's large-message size)
     * @return the messages to send, each a non-empty run of events; within an aggregate the runs are in publish order
     */
    public static <T> List<List<T>> group(List<T> events, Function<T, Optional<String>> aggregateKey,
                                          Function<T, List<String>> channels, int maxPerMessage) {
        if (maxPerMessage < 1) {
            throw new IllegalArgumentException("maxPerMessage must be at least 1, was " + maxPerMessage);
        }
        Map<Optional<String>, List<T>> byAggregate = new LinkedHashMap<>();
        for (T event : events) {
            byAggregate.computeIfAbsent(aggregateKey.apply(event), key -> new ArrayList<>()).add(event);
        }
        List<List<T>> messages = new ArrayList<>();
        for (List<T> aggregateEvents : byAggregate.values()) {
            List<T> current = new ArrayList<>();
            for (T event : aggregateEvents) {
                boolean full = current.size() == maxPerMessage;
                if (!current.isEmpty() && (full || !channels.apply(current.get(0)).equals(channels.apply(event)))) {
                    messages.add(current);
                    current = new ArrayList<>();
                }
                current.add(event);
            }
            messages.add(current);
        }
        return messages;
    }
}
