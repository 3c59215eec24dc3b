package dev.herald.workflow;

import dev.herald.versions.EventVersions;
import jakarta.json.JsonObject;

/**
 * Puts a journaled event in the version its workflow definition reads ({@link WorkflowDefinition#versionOf}) before
 * the reducer sees it, on every path (submitted, queued, replayed): the journal keeps each event as it came, and a
 * journal that mixes v1 and v2 entries folds to the state the definition's guards and merges were written for.
 * The start event and a discarded event are never converted (the first is the initial data, the second changes
 * nothing).
 */
public final class JournalVersions {

    private JournalVersions() {
    }

    /** A v{@code version} payload of the event in the version the definition reads (for {@code accepts} checks). */
    public static JsonObject payloadAsRead(WorkflowDefinition definition, String eventName, int version,
                                           JsonObject payload, EventVersions versions) {
        return versions.convert(eventName, version, definition.versionOf(eventName), payload);
    }

    /** @throws dev.herald.versions.MissingConverterException when no converter leads to the definition's version */
    public static WorkflowEvent asRead(WorkflowDefinition definition, WorkflowEvent event, EventVersions versions) {
        if (event.discarded() || WorkflowEvent.STARTED.equals(event.eventName())) {
            return event;
        }
        int wanted = definition.versionOf(event.eventName());
        if (wanted == event.version()) {
            return event;
        }
        return event.inVersion(wanted, versions.convert(event.eventName(), event.version(), wanted, event.payload()));
    }
}
