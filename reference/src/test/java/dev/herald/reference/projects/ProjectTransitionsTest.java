package dev.herald.reference.projects;

import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.reference.changes.Publishable;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.projects.ProjectTransitions.Context;
import dev.herald.publish.DomainEvent;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectTransitionsTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String PROJECT = "3f1c2a9e-0000-4000-8000-000000000308";
    private static final String TASK = "3f1c2a9e-0000-4000-8000-000000000400";
    private final Context byUser = new Context(TENANT, PROJECT, Optional.of(USER), Instant.parse("2026-12-01T10:00:00.123Z"));
    private final Context bySystem = new Context(TENANT, PROJECT, Optional.empty(), Instant.parse("2026-12-01T10:00:00.123Z"));

    /** The event types, once every payload passed the shipped schemas as the publisher checks them. */
    private static List<String> types(List<DomainEvent> events) {
        return Publishable.types(events);
    }

    @Test
    void aNewProjectIsCreatedByItsActor() {
        List<DomainEvent> events = published(ProjectTransitions.project(byUser, null, new ProjectState("Roll-out", null, "planned")));
        assertEquals(List.of("PROJECT_CREATED"), types(events), "and every payload is valid against its schema");
        JsonObject payload = events.get(0).payload();
        assertEquals(USER, payload.getString("createdByUserId"));
        assertEquals("USER", payload.getString("actorType"));
        assertEquals("2026-12-01T10:00:00.123Z", payload.getString("occurredAt"));
        assertEquals(Optional.of(TENANT + ":project:" + PROJECT), events.get(0).aggregateKey());
    }

    @Test
    void aNoOpUpdateMeansNoEvent() {
        ProjectState same = new ProjectState("Roll-out", "d", "active");
        assertEquals(List.of(), ProjectTransitions.project(byUser, same, new ProjectState("Roll-out", "d", "active")));
        TaskState task = new TaskState("Install", "todo", null, null, null);
        assertEquals(List.of(), ProjectTransitions.task(byUser, TASK, task, new TaskState("Install", "todo", null, null, null)));
    }

    @Test
    void aRenameIsAnUpdateWithItsPreviousAndNewValue() {
        List<DomainEvent> events = published(ProjectTransitions.project(byUser, new ProjectState("Old", null, "active"),
                new ProjectState("New", null, "active")));
        assertEquals(List.of("PROJECT_UPDATED"), types(events));
        JsonObject payload = events.get(0).payload();
        assertEquals("[\"name\"]", payload.getJsonArray("updatedFields").toString());
        assertEquals("Old", payload.getJsonObject("changes").getJsonObject("name").getString("previous"));
        assertEquals("New", payload.getJsonObject("changes").getJsonObject("name").getString("new"));
    }

    @Test
    void aStatusChangeIsAnUpdateAndAStatusTransition() {
        List<DomainEvent> events = published(ProjectTransitions.project(byUser, new ProjectState("P", null, "planned"),
                new ProjectState("P", null, "active")));
        assertEquals(List.of("PROJECT_UPDATED", "PROJECT_STATUS_CHANGED"), types(events));
        assertEquals("planned", events.get(1).payload().getString("previousStatus"));
        assertEquals("active", events.get(1).payload().getString("newStatus"));
    }

    @Test
    void enteringAClosedStatusAlsoClosesTheProjectInTheLegacyShape() {
        List<DomainEvent> events = published(ProjectTransitions.project(byUser, new ProjectState("P", null, "active"),
                new ProjectState("P", null, "completed")));
        assertEquals(List.of("PROJECT_UPDATED", "PROJECT_STATUS_CHANGED", "PROJECT_CLOSED"), types(events));
        JsonObject closed = events.get(2).payload();
        assertEquals(USER, closed.getString("userId"));
        assertTrue(closed.getJsonObject("changes").getJsonObject("status").getBoolean("is_closed"));
        assertTrue(!closed.containsKey("occurredAt") && !closed.containsKey("actorType"), "the legacy shape allows no more fields");
    }

    @Test
    void movingBetweenClosedStatusesDoesNotCloseAgain() {
        assertEquals(List.of("PROJECT_UPDATED", "PROJECT_STATUS_CHANGED"), types(published(ProjectTransitions.project(byUser,
                new ProjectState("P", null, "completed"), new ProjectState("P", null, "closed")))));
    }

    @Test
    void closingWithoutAUserIsRefusedBecauseTheEventNeedsOne() {
        assertThrows(RefusedChangeException.class, () -> ProjectTransitions.project(bySystem,
                new ProjectState("P", null, "active"), new ProjectState("P", null, "closed")));
    }

    @Test
    void aTaskCreatedWithAnAssigneeIsAlsoAssigned() {
        List<DomainEvent> events = published(ProjectTransitions.task(bySystem, TASK, null, new TaskState("Install", "todo", USER, "user", "2026-12-24")));
        assertEquals(List.of("PROJECT_TASK_CREATED", "PROJECT_TASK_ASSIGNED"), types(events));
        assertEquals("2026-12-24", events.get(0).payload().getString("dueDate"));
        assertEquals("SYSTEM", events.get(0).payload().getString("actorType"));
        assertEquals(USER, events.get(1).payload().getString("assignedToId"));
    }

    @Test
    void finishingATaskChangesItsStatusAndCompletesIt() {
        List<DomainEvent> events = published(ProjectTransitions.task(byUser, TASK, new TaskState("T", "in_progress", null, null, null),
                new TaskState("T", "done", null, null, null)));
        assertEquals(List.of("PROJECT_TASK_STATUS_CHANGED", "PROJECT_TASK_COMPLETED"), types(events));
        assertEquals("in_progress", events.get(0).payload().getString("previousStatus"));
        assertEquals(USER, events.get(1).payload().getString("completedByUserId"));
    }

    @Test
    void reassigningIsAnAssignmentButUnassigningIsNot() {
        TaskState alice = new TaskState("T", "todo", USER, "user", null);
        String team = "3f1c2a9e-0000-4000-8000-000000000999";
        assertEquals(List.of("PROJECT_TASK_ASSIGNED"), types(published(ProjectTransitions.task(byUser, TASK, alice,
                new TaskState("T", "todo", team, "team", null)))));
        assertEquals(List.of(), types(published(ProjectTransitions.task(byUser, TASK, alice, new TaskState("T", "todo", null, null, null)))));
    }

    @Test
    void dependenciesBlockAndUnblockNamingTheOtherTask() {
        String other = "3f1c2a9e-0000-4000-8000-000000000401";
        types(published(List.of(ProjectTransitions.blocked(byUser, TASK, other), ProjectTransitions.unblocked(byUser, TASK, other))));
        assertEquals(other, published(ProjectTransitions.blocked(byUser, TASK, other)).payload().getString("blockedByTaskId"));
        assertEquals(other, published(ProjectTransitions.unblocked(byUser, TASK, other)).payload().getString("unblockedByTaskId"));
    }
}
