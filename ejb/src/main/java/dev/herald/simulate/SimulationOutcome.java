package dev.herald.simulate;

/** What became of a simulated event. */
public enum SimulationOutcome {
    /** Valid and sent through the publisher, marked as simulated. */
    PUBLISHED,
    /** Valid, enriched and matched, and deliberately not sent. */
    DRY_RUN,
    /** Refused by the publisher's checks (schema issues, unknown type); nothing was sent. */
    INVALID
}
