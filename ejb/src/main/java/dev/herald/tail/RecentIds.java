package dev.herald.tail;

import java.util.LinkedHashMap;
import java.util.Map;

/** The last {@code capacity} event ids seen, oldest forgotten first: tells an event's first sighting from a repeat. */
final class RecentIds {

    private final Map<String, Boolean> seen;

    RecentIds(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 4 / 3 + 1) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean firstSighting(String id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
