package dev.herald.reference.changes;

import dev.herald.publish.EventEnvelope;
import java.util.List;

/** What a business operation answers: the id of what it created or changed, and the events it published, in order. */
public record ChangeResult(String id, List<String> eventIds, List<String> eventTypes) {

    public static ChangeResult of(String id, List<EventEnvelope> published) {
        return new ChangeResult(id, published.stream().map(EventEnvelope::id).toList(),
                published.stream().map(EventEnvelope::eventType).toList());
    }
}
