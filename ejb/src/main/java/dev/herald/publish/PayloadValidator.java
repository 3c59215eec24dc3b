package dev.herald.publish;

import dev.herald.events.EventIssue;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Checks a payload against the schema of its event type. Pointers in the issues are relative to the payload.
 * An event type the validator does not know yields an issue, never an exception.
 */
public interface PayloadValidator {

    List<EventIssue> validate(String eventType, JsonObject payload);

    /** Whether the type's payload has a top-level field of that name (enrichment only adds declared fields). */
    boolean declares(String eventType, String field);

    /** Checks a payload against a version of its type's schema; a validator that knows only first versions refuses the others. */
    default List<EventIssue> validate(String eventType, int version, JsonObject payload) {
        return version == 1 ? validate(eventType, payload)
                : List.of(new EventIssue("/version", eventType + " has no version " + version));
    }

    /** {@link #declares(String, String)} for a version of the type's schema. */
    default boolean declares(String eventType, int version, String field) {
        return version == 1 && declares(eventType, field);
    }
}
