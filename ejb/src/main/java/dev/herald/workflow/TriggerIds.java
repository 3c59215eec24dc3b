package dev.herald.workflow;

/**
 * The journal event ids of what a domain event from the workflow stream does, derived from its event id so that a
 * redelivered stream entry finds its earlier effect ((tenant, event id) is unique in the journal) instead of
 * repeating it. One domain event may start several definitions and resume several executions, hence one id each.
 */
final class TriggerIds {

    private TriggerIds() {
    }

    /** The start (sequence 0) of {@code workflowName} triggered by the event. */
    static String start(String eventId, String workflowName) {
        return eventId + "/start/" + workflowName;
    }

    /** The event as delivered to one execution (directly, or later from the early-event buffer). */
    static String delivery(String eventId, String executionId) {
        return eventId + "@" + executionId;
    }
}
