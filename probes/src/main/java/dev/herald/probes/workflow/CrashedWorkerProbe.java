package dev.herald.probes.workflow;

import dev.herald.workflow.JournalView;
import dev.herald.workflow.QueuedEvent;
import dev.herald.workflow.WorkflowQueue;
import dev.herald.workflow.WorkflowService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;

/**
 * Leaves a queued event exactly as a worker that died mid-event leaves it: enqueued, claimed (PROCESSING, one
 * attempt, claimed now) and never applied, in one transaction, so no live worker can take it first. Lets the
 * integration tests show the take-over deterministically. Only in the probes WAR, which only the integration tests
 * deploy.
 */
@Stateless
public class CrashedWorkerProbe {

    @Inject
    WorkflowService workflows;

    @Inject
    WorkflowQueue queue;

    public JournalView enqueueAndAbandon(String tenantId, String executionId, String eventId, String eventName,
                                         JsonObject payload, String userId) {
        JournalView row = workflows.enqueueEvent(tenantId, executionId, eventId, eventName, payload, userId);
        QueuedEvent head = queue.headOf(tenantId, executionId).orElseThrow(
                () -> new IllegalStateException("no queued head for execution " + executionId));
        if (!head.eventId().equals(eventId) || !queue.claim(head, Instant.now())) {
            throw new IllegalArgumentException("the probe needs an execution with nothing else queued: its head is "
                    + head.eventId() + ", not " + eventId);
        }
        return row;
    }
}
