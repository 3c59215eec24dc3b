package dev.herald.events;

/**
 * A typed event payload: one record per event type and version, generated from its JSON Schema and marked with
 * {@link EventType}. JSON-B maps it to the payload the schema describes.
 */
public interface HeraldEvent {
}
