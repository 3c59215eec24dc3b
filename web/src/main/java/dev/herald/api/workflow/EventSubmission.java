package dev.herald.api.workflow;

import jakarta.json.JsonObject;

/**
 * An event submitted to an execution: the sequence of the state the caller acted on, the event id that makes a
 * resubmission harmless, the event and its payload, and the version of the event type's schema the payload follows
 * (absent: 1; the journal keeps it, and the reducer reads the event in the version the definition names).
 */
public record EventSubmission(Long expectedSequence, String eventId, String eventName, JsonObject payload, String userId,
                              Integer version) {

    /** The payload's version, 1 when not given. */
    public int versionOr1() {
        return version == null ? 1 : version;
    }

    /** Whether a given version is one (1 or more). */
    public boolean versionIsValid() {
        return version == null || version >= 1;
    }
}
