package dev.herald.reference.projects;

import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.FieldChanges;
import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one transition detector of projects and their tasks: from a state before and after a business operation it
 * derives the events, in the order consumers expect (the generic update first, the specific transitions after).
 * Pure: no container, no clock of its own. All events of a project carry the project as aggregate, so they keep
 * their order on the streams.
 */
public final class ProjectTransitions {

    /** Who changed what, and when. {@code actorUserId} is empty for a system change. */
    public record Context(String tenantId, String projectId, Optional<String> actorUserId, Instant at) {
    }

    private ProjectTransitions() {
    }

    /** @param before null for a project being created */
    public static List<DomainEvent> project(Context context, ProjectState before, ProjectState after) {
        List<DomainEvent> events = new ArrayList<>();
        if (before == null) {
            JsonObjectBuilder created = base(context).add("createdAt", time(context));
            context.actorUserId().ifPresent(user -> created.add("createdByUserId", user));
            events.add(event(context, "PROJECT_CREATED", created));
            return events;
        }
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (changes.isEmpty()) {
            return events;
        }
        events.add(event(context, "PROJECT_UPDATED", base(context).add("updatedAt", time(context))
                .add("updatedFields", changes.fieldsJson()).add("changes", changes.changesJson())));
        if (changes.has("status")) {
            events.add(event(context, "PROJECT_STATUS_CHANGED", base(context).add("previousStatus", before.status())
                    .add("newStatus", after.status()).add("changedAt", time(context))));
            if (!ProjectStatuses.PROJECT_CLOSED.contains(before.status()) && ProjectStatuses.PROJECT_CLOSED.contains(after.status())) {
                events.add(closed(context, before, after));
            }
        }
        return events;
    }

    /** @param before null for a task being created */
    public static List<DomainEvent> task(Context context, String taskId, TaskState before, TaskState after) {
        List<DomainEvent> events = new ArrayList<>();
        if (before == null) {
            JsonObjectBuilder created = base(context).add("taskId", taskId).add("title", after.title())
                    .add("status", after.status()).add("createdAt", time(context));
            context.actorUserId().ifPresent(user -> created.add("createdByUserId", user));
            if (after.dueDate() != null) {
                created.add("dueDate", after.dueDate());
            }
            events.add(event(context, "PROJECT_TASK_CREATED", created));
            if (after.assignedToId() != null) {
                events.add(assigned(context, taskId, after));
            }
            return events;
        }
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (changes.has("status")) {
            events.add(event(context, "PROJECT_TASK_STATUS_CHANGED", base(context).add("taskId", taskId)
                    .add("previousStatus", before.status()).add("newStatus", after.status()).add("changedAt", time(context))));
            if (ProjectStatuses.TASK_DONE.equals(after.status())) {
                JsonObjectBuilder completed = base(context).add("taskId", taskId).add("completedAt", time(context));
                context.actorUserId().ifPresent(user -> completed.add("completedByUserId", user));
                events.add(event(context, "PROJECT_TASK_COMPLETED", completed));
            }
        }
        if ((changes.has("assignedToId") || changes.has("assignedToType")) && after.assignedToId() != null) {
            events.add(assigned(context, taskId, after));
        }
        return events;
    }

    /** A task now waits for another that is not done. */
    public static DomainEvent blocked(Context context, String taskId, String blockedByTaskId) {
        return event(context, "PROJECT_TASK_DEPENDENCY_BLOCKED", base(context).add("taskId", taskId)
                .add("blockedByTaskId", blockedByTaskId).add("blockedAt", time(context)));
    }

    /** The task a dependency waited for is done. */
    public static DomainEvent unblocked(Context context, String taskId, String unblockedByTaskId) {
        return event(context, "PROJECT_TASK_DEPENDENCY_UNBLOCKED", base(context).add("taskId", taskId)
                .add("unblockedByTaskId", unblockedByTaskId).add("unblockedAt", time(context)));
    }

    private static DomainEvent assigned(Context context, String taskId, TaskState after) {
        JsonObjectBuilder assigned = base(context).add("taskId", taskId).add("assignedToId", after.assignedToId())
                .add("assignedToType", after.assignedToType()).add("assignedAt", time(context));
        context.actorUserId().ifPresent(user -> assigned.add("assignedByUserId", user));
        return event(context, "PROJECT_TASK_ASSIGNED", assigned);
    }

    /** PROJECT_CLOSED keeps the legacy bus shape existing consumers read: the closing user and {@code changes.status.is_closed}. */
    private static DomainEvent closed(Context context, ProjectState before, ProjectState after) {
        String user = context.actorUserId().orElseThrow(() -> new RefusedChangeException(
                "closing a project needs the user who closes it (actorUserId): PROJECT_CLOSED requires userId"));
        return event(context, "PROJECT_CLOSED", WireJson.builders().createObjectBuilder()
                .add("tenantId", context.tenantId()).add("projectId", context.projectId()).add("userId", user)
                .add("changes", WireJson.builders().createObjectBuilder().add("status", WireJson.builders().createObjectBuilder()
                        .add("is_closed", true).add("previous", before.status()).add("new", after.status()))));
    }

    private static JsonObjectBuilder base(Context context) {
        JsonObjectBuilder payload = WireJson.builders().createObjectBuilder().add("tenantId", context.tenantId())
                .add("occurredAt", time(context)).add("projectId", context.projectId());
        context.actorUserId().ifPresentOrElse(user -> payload.add("actorUserId", user).add("actorType", "USER"),
                () -> payload.add("actorType", "SYSTEM"));
        return payload;
    }

    private static DomainEvent event(Context context, String type, JsonObjectBuilder payload) {
        return DomainEvent.of(type, payload.build()).forAggregate(context.tenantId(), "project:" + context.projectId());
    }

    private static String time(Context context) {
        return WireTime.text(context.at());
    }
}
