package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The project reference services on the real server: each business operation puts exactly the events its
 * transition means on Redis, with payloads the registry accepted, in the order of the operations; a refused
 * operation puts nothing there.
 */
class ProjectEventsIT extends RedisPipelineTestBase {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";

    @Test
    void aProjectsLifeEmitsEachTransitionInOrder() throws Exception {
        List<String> expected = new ArrayList<>();

        JsonObject project = expectEvents(201, herald.post("api/projects",
                Json.createObjectBuilder().add("name", "Roll-out").add("actorUserId", USER).build()), expected, "PROJECT_CREATED");
        String p = "api/projects/" + project.getString("id");
        expectEvents(200, herald.patch(p, Json.createObjectBuilder().add("status", "active")
                .add("actorUserId", USER).build()), expected, "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED");
        String install = expectEvents(201, herald.post(p + "/tasks", Json.createObjectBuilder()
                .add("title", "Install").build()), expected, "PROJECT_TASK_CREATED").getString("id");
        String train = expectEvents(201, herald.post(p + "/tasks", Json.createObjectBuilder()
                .add("title", "Train").add("assignedToId", USER).build()), expected, "PROJECT_TASK_CREATED", "PROJECT_TASK_ASSIGNED")
                .getString("id");
        expectEvents(201, herald.post(p + "/tasks/" + train + "/dependencies", Json.createObjectBuilder()
                .add("blockedByTaskId", install).build()), expected, "PROJECT_TASK_DEPENDENCY_BLOCKED");
        expectEvents(200, herald.patch(p + "/tasks/" + install, Json.createObjectBuilder()
                .add("status", "done").add("actorUserId", USER).build()), expected,
                "PROJECT_TASK_STATUS_CHANGED", "PROJECT_TASK_COMPLETED", "PROJECT_TASK_DEPENDENCY_UNBLOCKED");
        expectEvents(200, herald.patch(p, Json.createObjectBuilder().add("name", "Roll-out").build()),
                expected);
        JsonObject closing = expectEvents(200, herald.patch(p, Json.createObjectBuilder()
                .add("status", "completed").add("actorUserId", USER).build()), expected,
                "PROJECT_UPDATED", "PROJECT_STATUS_CHANGED", "PROJECT_CLOSED");

        List<String> onStream = Eventually.await("the project's " + expected.size() + " events", PIPELINE, () -> {
            List<String> types = typesOfTenant(tenant);
            return types.size() >= expected.size() ? types : null;
        });
        assertEquals(expected, onStream, "every event, once, in the order of the operations");
        Map<String, String> closed = awaitEntry("alga-psa:event-stream:global:PROJECT_CLOSED",
                closing.getJsonArray("eventIds").getString(2));
        JsonObject payload = Events.envelope(closed).getJsonObject("payload");
        assertEquals(USER, payload.getString("userId"));
        assertEquals(true, payload.getJsonObject("changes").getJsonObject("status").getBoolean("is_closed"));
        assertTheConsumersAcceptEveryEventOf(tenant);
    }

    @Test
    void aRefusedOperationPutsNothingOnRedis() throws Exception {
        JsonObject project = herald.post("api/projects", Json.createObjectBuilder().add("name", "P").build()).json();
        String p = "api/projects/" + project.getString("id");

        HeraldClient.Reply badStatus = herald.patch(p, Json.createObjectBuilder().add("status", "teleported").build());
        assertEquals(400, badStatus.status(), badStatus.body());
        HeraldClient.Reply badAssignee = herald.post(p + "/tasks", Json.createObjectBuilder()
                .add("title", "T").add("assignedToId", "not-a-uuid").build());
        assertEquals(400, badAssignee.status(), "the registry refuses the event, and the task with it: " + badAssignee.body());
        assertEquals(404, HeraldClient.of("someone-else").patch(p, Json.createObjectBuilder().add("status", "active").build()).status(),
                "another tenant's project does not exist for the caller");
        HeraldClient.Reply closingWithoutUser = herald.patch(p, Json.createObjectBuilder().add("status", "closed").build());
        assertEquals(400, closingWithoutUser.status(), closingWithoutUser.body());

        String barrier = herald.post(p + "/tasks", Json.createObjectBuilder().add("title", "barrier").build())
                .json().getJsonArray("eventIds").getString(0);
        awaitEntry("alga-psa:event-stream:global:PROJECT_TASK_CREATED", barrier);
        Thread.sleep(1_000);
        assertEquals(List.of("PROJECT_CREATED", "PROJECT_TASK_CREATED"), typesOfTenant(tenant),
                "the project, the barrier task, and nothing of the refused operations");
    }
}
