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
}
