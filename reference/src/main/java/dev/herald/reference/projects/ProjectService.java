package dev.herald.reference.projects;

import dev.herald.events.Outgoing;
import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.changes.DomainEvents;
import dev.herald.reference.changes.Moments;
import dev.herald.reference.changes.AggregateNotFoundException;
import dev.herald.reference.changes.References;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.Require;
import dev.herald.reference.projects.ProjectRequests.NewDependency;
import dev.herald.reference.projects.ProjectRequests.NewProject;
import dev.herald.reference.projects.ProjectRequests.NewTask;
import dev.herald.reference.projects.ProjectRequests.ProjectUpdate;
import dev.herald.reference.projects.ProjectRequests.TaskUpdate;
import dev.herald.reference.projects.ProjectTransitions.Context;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Projects and their tasks. Every operation changes the rows and publishes what the change means
 * ({@link ProjectTransitions}) in one transaction: an operation that fails publishes nothing, and an event the
 * registry refuses takes the operation down with it.
 */
@Stateless
public class ProjectService {

    @PersistenceContext(unitName = "herald-reference")
    EntityManager em;

    @Inject
    DomainEvents events;

    public ChangeResult create(String tenantId, NewProject request) {
        ProjectState state = new ProjectState(Require.text(request.name(), "name"), request.description(),
                ProjectStatuses.checked(request.status() == null ? "planned" : request.status(), ProjectStatuses.PROJECT, "status"));
        Project project = new Project(tenantId, state.name(), state.description(), state.status(), Moments.now());
        em.persist(project);
        return events.publish(tenantId, project.getId(), ProjectTransitions.project(context(tenantId, project.getId(), request.actorUserId()), null, state));
    }

    public ChangeResult update(String tenantId, String projectId, ProjectUpdate update) {
        Project project = project(tenantId, projectId);
        ProjectState before = project.state();
        ProjectState after = new ProjectState(or(update.name(), before.name()), or(update.description(), before.description()),
                ProjectStatuses.checked(or(update.status(), before.status()), ProjectStatuses.PROJECT, "status"));
        project.apply(after);
        return events.publish(tenantId, projectId, ProjectTransitions.project(context(tenantId, projectId, update.actorUserId()), before, after));
    }

    public ChangeResult createTask(String tenantId, String projectId, NewTask request) {
        project(tenantId, projectId);
        TaskState state = new TaskState(Require.text(request.title(), "title"),
                ProjectStatuses.checked(request.status() == null ? "todo" : request.status(), ProjectStatuses.TASK, "status"),
                assignee(request.assignedToId()), assigneeType(request.assignedToId(), request.assignedToType()), request.dueDate());
        ProjectTask task = new ProjectTask(tenantId, projectId, state);
        em.persist(task);
        return events.publish(tenantId, task.getId(), ProjectTransitions.task(context(tenantId, projectId, request.actorUserId()), task.getId(), null, state));
    }

    public ChangeResult updateTask(String tenantId, String projectId, String taskId, TaskUpdate update) {
        ProjectTask task = task(tenantId, projectId, taskId);
        TaskState before = task.state();
        String assignee = or(assignee(update.assignedToId()), before.assignedToId());
        TaskState after = new TaskState(or(update.title(), before.title()),
                ProjectStatuses.checked(or(update.status(), before.status()), ProjectStatuses.TASK, "status"),
                assignee, assigneeType(assignee, or(update.assignedToType(), before.assignedToType())),
                or(update.dueDate(), before.dueDate()));
        task.apply(after);
        Context context = context(tenantId, projectId, update.actorUserId());
        List<Outgoing> emitted = new ArrayList<>(ProjectTransitions.task(context, taskId, before, after));
        if (!ProjectStatuses.TASK_DONE.equals(before.status()) && ProjectStatuses.TASK_DONE.equals(after.status())) {
            for (TaskDependency waiting : em.createQuery("SELECT d FROM TaskDependency d WHERE d.tenantId = :tenant"
                            + " AND d.blockedByTaskId = :task AND d.open = true", TaskDependency.class)
                    .setParameter("tenant", tenantId).setParameter("task", taskId).getResultList()) {
                waiting.resolve();
                emitted.add(ProjectTransitions.unblocked(context, waiting.getTaskId(), taskId));
            }
        }
        return events.publish(tenantId, taskId, emitted);
    }

    public ChangeResult addDependency(String tenantId, String projectId, String taskId, NewDependency request) {
        task(tenantId, projectId, taskId);
        String blockerId = Require.text(request.blockedByTaskId(), "blockedByTaskId");
        if (blockerId.equals(taskId)) {
            throw new RefusedChangeException("a task cannot wait for itself");
        }
        ProjectTask blocker = References.inTenant(em, ProjectTask.class, ProjectTask::getTenantId, blockerId, tenantId, "blockedByTaskId");
        if (!blocker.getProjectId().equals(projectId)) {
            throw new RefusedChangeException("blockedByTaskId " + blockerId + " is a task of another project than " + projectId);
        }
        boolean open = !ProjectStatuses.TASK_DONE.equals(blocker.state().status());
        TaskDependency dependency = new TaskDependency(tenantId, taskId, blockerId, open);
        em.persist(dependency);
        return events.publish(tenantId, taskId, open
                ? List.of(ProjectTransitions.blocked(context(tenantId, projectId, request.actorUserId()), taskId, blockerId))
                : List.of());
    }

    private Project project(String tenantId, String projectId) {
        Project project = projectId == null ? null : em.find(Project.class, projectId);
        if (project == null || !project.getTenantId().equals(tenantId)) {
            throw new AggregateNotFoundException("no project " + projectId + " in tenant " + tenantId);
        }
        return project;
    }

    private ProjectTask task(String tenantId, String projectId, String taskId) {
        ProjectTask task = taskId == null ? null : em.find(ProjectTask.class, taskId);
        if (task == null || !task.getTenantId().equals(tenantId) || !task.getProjectId().equals(projectId)) {
            throw new AggregateNotFoundException("no task " + taskId + " in project " + projectId + " of tenant " + tenantId);
        }
        return task;
    }

    private static Context context(String tenantId, String projectId, String actorUserId) {
        return new Context(tenantId, projectId, Optional.ofNullable(Require.optionalUuid(actorUserId, "actorUserId")), Moments.now());
    }

    /** PROJECT_TASK_ASSIGNED's consumers refuse an assignee that is no UUID: refused here, before a row is written. */
    private static String assignee(String assignedToId) {
        return Require.optionalUuid(assignedToId, "assignedToId");
    }

    private static String assigneeType(String assignedToId, String type) {
        return assignedToId == null ? null
                : ProjectStatuses.checked(type == null ? "user" : type, ProjectStatuses.ASSIGNEE_TYPES, "assignedToType");
    }

    private static String or(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
