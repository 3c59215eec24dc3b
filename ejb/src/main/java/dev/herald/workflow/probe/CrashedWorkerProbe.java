package dev.herald.workflow.probe;

import dev.herald.kernel.NotFoundException;
import dev.herald.workflow.JournalView;
import dev.herald.workflow.QueuedEvent;
import dev.herald.workflow.WorkflowQueue;
import dev.herald.workflow.WorkflowService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Leaves a queued event exactly as a worker that died mid-event leaves it: enqueued, claimed (PROCESSING, one
 * attempt, claimed now) and never applied, in one transaction, so no live worker can take it first. Lets the
 * integration tests show the take-over deterministically. Off unless {@code herald.workflow.probes.enabled=true},
 * which only the integration-test server sets.
 */
@Stateless
public class CrashedWorkerProbe {

    public static final String ENABLED = "herald.workflow.probes.enabled";

    @Inject
    @ConfigProperty(name = ENABLED, defaultValue = "false")
    boolean enabled;

    @Inject
    WorkflowService workflows;

    @Inject
    WorkflowQueue queue;

    public JournalView enqueueAndAbandon(String tenantId, String executionId, String eventId, String eventName,
                                         JsonObject payload, String userId) {
        if (!enabled) {
            throw new NotFoundException("workflow probes are off (" + ENABLED + ")");
        }
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
