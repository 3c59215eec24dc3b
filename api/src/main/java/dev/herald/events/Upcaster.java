package dev.herald.events;

import jakarta.json.JsonObject;

/**
 * Turns a payload of one version of an event type into the next version's shape, e.g. {@code TICKET_CREATED} v1 into
 * v2. Herald chains upcasters (v1 → v2 → v3) wherever an event is needed in a later version than it was written in:
 * for a subscriber whose observer takes a later record than the wire carries, for the later version's stream when
 * {@code herald.wire.versions} puts both on the wire, and for a workflow whose definition reads a later version.
 *
 * <p>An implementation is an {@code @ApplicationScoped} CDI bean of the module that owns the schema (Herald's for
 * the catalog's types). It is a pure function: the same payload always gives the same result, because the same
 * event may be upcast on several nodes and again on replay. What the new version adds must be derivable from the
 * old payload (or optional). The result is checked against the target version's schema before anyone sees it.
 */
public interface Upcaster {

    /** The event type, SCREAMING_SNAKE_CASE, e.g. {@code TICKET_CREATED}. */
    String eventType();

    /** The version this upcaster reads; it writes {@code fromVersion() + 1}. */
    int fromVersion();

    /** @return the payload in version {@code fromVersion() + 1}; the argument is never changed (JSON-P values are immutable) */
    JsonObject upcast(JsonObject payload);
}
