package dev.herald.reference.projects;

/**
 * What callers ask of {@link ProjectService}. A null field of an update means "leave as is"; {@code actorUserId} is the
 * user who acts (a UUID), absent for a system change.
 */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    public record NewProject(String name, String description, String status, String actorUserId) {
    }

    public record ProjectUpdate(String name, String description, String status, String actorUserId) {
    }

    public record NewTask(String title, String status, String assignedToId, String assignedToType, String dueDate,
                          String actorUserId) {
    }

    public record TaskUpdate(String title, String status, String assignedToId, String assignedToType, String dueDate,
                             String actorUserId) {
    }

    public record NewDependency(String blockedByTaskId, String actorUserId) {
    }
}
