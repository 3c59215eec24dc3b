package dev.herald.reference.changes;

import dev.herald.events.PublishedEvent;
import java.util.List;

/** What a business operation answers: the id of what it created or changed, and the events it published, in order. */
public record ChangeResult(String id, List<String> eventIds, List<String> eventTypes) {

    public static ChangeResult of(String id, List<PublishedEvent> published) {
        return new ChangeResult(id, published.stream().map(PublishedEvent::id).toList(),
                published.stream().map(PublishedEvent::eventType).toList());
    }
}
