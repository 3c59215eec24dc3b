package dev.herald.reference.projects;

import dev.herald.events.Outgoing;
import dev.herald.events.HeraldEvent;
import dev.herald.events.types.ProjectClosed;
import dev.herald.events.types.ProjectCreated;
import dev.herald.events.types.ProjectStatusChanged;
import dev.herald.events.types.ProjectTaskAssigned;
import dev.herald.events.types.ProjectTaskCompleted;
import dev.herald.events.types.ProjectTaskCreated;
import dev.herald.events.types.ProjectTaskDependencyBlocked;
import dev.herald.events.types.ProjectTaskDependencyUnblocked;
import dev.herald.events.types.ProjectTaskStatusChanged;
import dev.herald.events.types.ProjectUpdated;
import dev.herald.reference.changes.FieldChanges;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.Require;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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

    /** The context as every event of a project carries it: checked ids as UUIDs, a system change without an actor. */
    private record Base(UUID tenantId, UUID projectId, UUID actorUserId, String actorType, Instant at) {

        static Base of(Context context) {
            UUID actor = Require.id(context.actorUserId().orElse(null));
            return new Base(Require.id(context.tenantId()), Require.id(context.projectId()), actor,
                    actor == null ? "SYSTEM" : "USER", context.at());
        }
    }

    private ProjectTransitions() {
    }

    /** @param before null for a project being created */
    public static List<Outgoing> project(Context context, ProjectState before, ProjectState after) {
        Base base = Base.of(context);
        List<Outgoing> events = new ArrayList<>();
        if (before == null) {
            events.add(event(context, ProjectCreated.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .createdAt(base.at()).createdByUserId(base.actorUserId()).build()));
            return events;
        }
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (changes.isEmpty()) {
            return events;
        }
        events.add(event(context, ProjectUpdated.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .updatedAt(base.at()).updatedFields(changes.fields()).changes(changes.changesJson()).build()));
        if (changes.has("status")) {
            events.add(event(context, ProjectStatusChanged.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .previousStatus(before.status()).newStatus(after.status()).changedAt(base.at()).build()));
            if (!ProjectStatuses.PROJECT_CLOSED.contains(before.status()) && ProjectStatuses.PROJECT_CLOSED.contains(after.status())) {
                events.add(closed(context, base));
            }
        }
        return events;
    }

    /** @param before null for a task being created */
    public static List<Outgoing> task(Context context, String taskId, TaskState before, TaskState after) {
        Base base = Base.of(context);
        UUID task = Require.id(taskId);
        List<Outgoing> events = new ArrayList<>();
        if (before == null) {
            events.add(event(context, ProjectTaskCreated.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .taskId(task).title(after.title()).status(after.status()).createdAt(base.at())
                    .createdByUserId(base.actorUserId()).dueDate(after.dueDate()).build()));
            if (after.assignedToId() != null) {
                events.add(assigned(context, base, task, after));
            }
            return events;
        }
        FieldChanges changes = FieldChanges.between(before.fields(), after.fields());
        if (changes.has("status")) {
            events.add(event(context, ProjectTaskStatusChanged.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .taskId(task).previousStatus(before.status()).newStatus(after.status()).changedAt(base.at()).build()));
            if (ProjectStatuses.TASK_DONE.equals(after.status())) {
                events.add(event(context, ProjectTaskCompleted.builder().tenantId(base.tenantId()).occurredAt(base.at())
                        .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                        .taskId(task).completedAt(base.at()).completedByUserId(base.actorUserId()).build()));
            }
        }
        if ((changes.has("assignedToId") || changes.has("assignedToType")) && after.assignedToId() != null) {
            events.add(assigned(context, base, task, after));
        }
        return events;
    }

    /** A task now waits for another that is not done. */
    public static Outgoing blocked(Context context, String taskId, String blockedByTaskId) {
        Base base = Base.of(context);
        return event(context, ProjectTaskDependencyBlocked.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .taskId(Require.id(taskId)).blockedByTaskId(Require.id(blockedByTaskId)).blockedAt(base.at()).build());
    }

    /** The task a dependency waited for is done. */
    public static Outgoing unblocked(Context context, String taskId, String unblockedByTaskId) {
        Base base = Base.of(context);
        return event(context, ProjectTaskDependencyUnblocked.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .taskId(Require.id(taskId)).unblockedByTaskId(Require.id(unblockedByTaskId)).unblockedAt(base.at()).build());
    }

    private static Outgoing assigned(Context context, Base base, UUID task, TaskState after) {
        return event(context, ProjectTaskAssigned.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .projectId(base.projectId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .taskId(task).assignedToId(Require.id(after.assignedToId())).assignedToType(after.assignedToType())
                .assignedAt(base.at()).assignedByUserId(base.actorUserId()).build());
    }

    /**
     * PROJECT_CLOSED keeps the legacy bus shape existing consumers read: the closing user and
     * {@code changes.status.is_closed} (the schema declares nothing else there, so the record carries nothing else).
     */
    private static Outgoing closed(Context context, Base base) {
        if (base.actorUserId() == null) {
            throw new RefusedChangeException(
                    "closing a project needs the user who closes it (actorUserId): PROJECT_CLOSED requires userId");
        }
        return event(context, ProjectClosed.builder().tenantId(base.tenantId()).projectId(base.projectId())
                .userId(base.actorUserId()).changes(ProjectClosed.Changes.builder()
                        .status(ProjectClosed.Changes.Status.builder().isClosed(true).build()).build()).build());
    }

    private static Outgoing event(Context context, HeraldEvent event) {
        return Outgoing.of(event).forAggregate("project:" + context.projectId());
    }
}
