package dev.herald.reference.projects;

import static dev.herald.reference.changes.Publishable.operation;
import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.reference.changes.Publishable;
import dev.herald.contract.ConsumerContract;
import dev.herald.reference.projects.ProjectTransitions.Context;
import dev.herald.publish.DomainEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event the project service emits, built the way the service builds it, as the existing consumers read it. */
class ProjectEventsMeetTheConsumerContractTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String TEAM = "6b0f4a52-2222-4000-8000-000000000009";
    private static final String PROJECT = "3f1c2a9e-0000-4000-8000-000000000308";
    private static final String TASK = "3f1c2a9e-0000-4000-8000-000000000400";
    private static final String BLOCKER = "3f1c2a9e-0000-4000-8000-000000000401";
    private static final Instant AT = Instant.parse("2026-11-23T07:41:51.792Z");
    private static final Context BY_USER = new Context(TENANT, PROJECT, Optional.of(USER), AT);
    private static final Context BY_SYSTEM = new Context(TENANT, PROJECT, Optional.empty(), AT);
    private static final ProjectState PLANNED = new ProjectState("Roll-out", null, "planned");
    private static final TaskState TODO = new TaskState("Install", "todo", null, null, null);

    /** Each operation of {@link ProjectService}, with the transitions it hands to the publisher. */
    static Stream<Named<Supplier<List<DomainEvent>>>> operations() {
        return Stream.of(
                operation("create by a user", () -> published(ProjectTransitions.project(BY_USER, null, PLANNED))),
                operation("create by the system", () -> published(ProjectTransitions.project(BY_SYSTEM, null, new ProjectState("Roll-out", "d", "active")))),
                operation("rename", () -> published(ProjectTransitions.project(BY_USER, PLANNED, new ProjectState("Roll-out 2", "now described", "planned")))),
                operation("activate", () -> published(ProjectTransitions.project(BY_SYSTEM, PLANNED, new ProjectState("Roll-out", null, "active")))),
                operation("complete", () -> published(ProjectTransitions.project(BY_USER, PLANNED, new ProjectState("Roll-out", null, "completed")))),
                operation("create a task", () -> published(ProjectTransitions.task(BY_USER, TASK, null, TODO))),
                operation("create a task by the system, assigned to a team, due", () -> published(ProjectTransitions.task(BY_SYSTEM, TASK, null,
                        new TaskState("Install", "in_progress", TEAM, "team", "2026-12-31")))),
                operation("start a task", () -> published(ProjectTransitions.task(BY_USER, TASK, TODO, new TaskState("Install", "in_progress", null, null, null)))),
                operation("finish a task", () -> published(ProjectTransitions.task(BY_USER, TASK, TODO, new TaskState("Install", "done", null, null, null)))),
                operation("finish a task by the system", () -> published(ProjectTransitions.task(BY_SYSTEM, TASK, TODO, new TaskState("Install", "done", null, null, null)))),
                operation("assign a task", () -> published(ProjectTransitions.task(BY_USER, TASK, TODO, new TaskState("Install", "todo", USER, "user", null)))),
                operation("a dependency on an open task", () -> published(List.of(ProjectTransitions.blocked(BY_USER, TASK, BLOCKER)))),
                operation("the task waited for is done", () -> published(List.of(ProjectTransitions.unblocked(BY_SYSTEM, TASK, BLOCKER)))));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyEventOfEveryProjectOperationIsAcceptedByTheConsumersAndByHeraldsSchema(Supplier<List<DomainEvent>> operation) {
        Publishable.acceptedByTheConsumersAndHerald(operation.get());
    }

    @Test
    void theOperationsAboveCoverEveryProjectEventType() {
        Set<String> emitted = new TreeSet<>();
        operations().forEach(operation -> operation.getPayload().get().forEach(event -> emitted.add(event.eventType())));
        assertEquals(new TreeSet<>(Set.of("PROJECT_CREATED", "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED", "PROJECT_CLOSED",
                "PROJECT_TASK_CREATED", "PROJECT_TASK_STATUS_CHANGED", "PROJECT_TASK_COMPLETED", "PROJECT_TASK_ASSIGNED",
                "PROJECT_TASK_DEPENDENCY_BLOCKED", "PROJECT_TASK_DEPENDENCY_UNBLOCKED")), emitted);
    }
}
