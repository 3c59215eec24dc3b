package dev.herald.events;

import jakarta.json.JsonObject;

/**
 * Turns a payload of one version of an event type into the previous version's shape, e.g. {@code TICKET_CREATED} v2
 * into v1: what lets a record of a later version be published while readers of the earlier version still get their
 * shape on the wire. Without one, publishing the later version while the wire carries the earlier is refused.
 *
 * <p>Like an {@link Upcaster}, a pure {@code @ApplicationScoped} CDI bean. A payload the earlier version cannot
 * represent is refused with an {@link InvalidEventException} naming the field, never silently changed.
 */
public interface Downcaster {

    /** The event type, SCREAMING_SNAKE_CASE, e.g. {@code TICKET_CREATED}. */
    String eventType();

    /** The version this downcaster reads; it writes {@code fromVersion() - 1}. */
    int fromVersion();

    /**
     * @return the payload in version {@code fromVersion() - 1}
     * @throws InvalidEventException when the earlier version cannot say what the payload says
     */
    JsonObject downcast(JsonObject payload);
}
