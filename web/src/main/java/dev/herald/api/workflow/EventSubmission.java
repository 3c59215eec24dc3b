package dev.herald.api.workflow;

import jakarta.json.JsonObject;

/**
 * An event submitted to an execution: the sequence of the state the caller acted on, the event id that makes a
 * resubmission harmless, the event and its payload.
 */
public record EventSubmission(Long expectedSequence, String eventId, String eventName, JsonObject payload, String userId) {
}
