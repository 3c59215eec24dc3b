package dev.herald.reference.projects;

import dev.herald.reference.changes.RefusedChangeException;
import java.util.List;
import java.util.Set;

/** The statuses a project and a task may take; anything else is refused before a row or an event is written. */
public final class ProjectStatuses {

    public static final List<String> PROJECT = List.of("planned", "active", "on_hold", "completed", "cancelled", "closed");
    /** Entering one of these closes the project (PROJECT_CLOSED). */
    public static final Set<String> PROJECT_CLOSED = Set.of("completed", "cancelled", "closed");
    public static final List<String> TASK = List.of("todo", "in_progress", "blocked", "done");
    public static final String TASK_DONE = "done";
    public static final List<String> ASSIGNEE_TYPES = List.of("user", "team");

    private ProjectStatuses() {
    }

    static String checked(String value, List<String> allowed, String what) {
        if (value == null || !allowed.contains(value)) {
            throw new RefusedChangeException(what + " must be one of " + allowed + ", was " + value);
        }
        return value;
    }
}
