package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Workflow executions on the real server and database, over HTTP: concurrent appends, idempotent resubmission,
 * replay to an earlier sequence or time past newer snapshots, snapshot pruning, refused transitions. Every test
 * drives the shipped ticket-lifecycle definition in a tenant of its own.
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowExecutionIT {

    private static final String WORKFLOW = "ticket-lifecycle";
    private static final String ASSIGNED = "TICKET_ASSIGNED";

    private final String tenant = UUID.randomUUID().toString();
    private final HeraldClient herald = HeraldClient.of(tenant);

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void concurrentAppendsAtOneSequenceLetExactlyOneThroughAndTheOtherConflicts() throws Exception {
        String execution = start();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long expected = 0; expected < 5; expected++) {
                CyclicBarrier together = new CyclicBarrier(2);
                long at = expected;
                List<Future<HeraldClient.Reply>> replies = pool.invokeAll(List.of(
                        racer(together, execution, at, "alice"), racer(together, execution, at, "bob")));
                List<Integer> statuses = replies.stream().map(WorkflowExecutionIT::status).sorted().toList();
                assertEquals(List.of(200, 409), statuses, "at sequence " + at);
                List<JsonObject> rows = journal(execution).stream().filter(row -> row.getInt("sequence") == at + 1).toList();
                assertEquals(1, rows.size(), "one journal row at sequence " + (at + 1));
                HeraldClient.Reply winner = replies.stream().map(WorkflowExecutionIT::reply).filter(r -> r.status() == 200)
                        .findFirst().orElseThrow();
                assertEquals(winner.json().getJsonObject("data").getString("assignedToUserId"),
                        rows.get(0).getJsonObject("payload").getString("assignedToUserId"), "the winner's event was journaled");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, current(execution).getInt("sequence"));
        assertEquals(6, journal(execution).size());
    }

    @Test
    void resubmittedEventIdAnswersItsFirstResultAndIsJournaledOnce() throws Exception {
        String execution = start();
        String eventId = UUID.randomUUID().toString();
        HeraldClient.Reply first = submit(execution, 0, eventId, ASSIGNED, assignTo("alice"));
        assertEquals(200, first.status(), first.body());

        HeraldClient.Reply again = submit(execution, 0, eventId, ASSIGNED, assignTo("alice"));
        assertEquals(200, again.status(), again.body());
        assertEquals(first.json(), again.json());

        assertEquals(200, submit(execution, 1, UUID.randomUUID().toString(), ASSIGNED, assignTo("bob")).status());
        HeraldClient.Reply late = submit(execution, 1, eventId, ASSIGNED, assignTo("alice"));
        assertEquals(first.json(), late.json(), "still the state the first submission produced, not the current one");

        assertEquals(1, journal(execution).stream().filter(row -> row.getString("eventId").equals(eventId)).count());
        assertEquals(3, journal(execution).size());
    }

    @Test
    void stateAtASequenceOlderThanTheNewestSnapshotReplaysFromAnOlderSnapshot() throws Exception {
        String execution = start();
        assign(execution, 0, "u-1");
        assign(execution, 1, "u-2");
        assertEquals(2, takeSnapshot(execution).getInt("sequence"));
        assign(execution, 2, "u-3");
        assign(execution, 3, "u-4");
        assign(execution, 4, "u-5");
        assertEquals(5, takeSnapshot(execution).getInt("sequence"));

        JsonObject atThree = state(execution, "sequence=3");
        assertEquals(3, atThree.getJsonObject("state").getInt("sequence"));
        assertEquals("u-3", atThree.getJsonObject("state").getJsonObject("data").getString("assignedToUserId"));
        JsonObject trace = atThree.getJsonObject("trace");
        assertEquals(2, trace.getInt("snapshotSequence"), trace.toString());
        assertEquals(List.of(3), sequences(trace));

        JsonObject atOne = state(execution, "sequence=1");
        assertEquals("u-1", atOne.getJsonObject("state").getJsonObject("data").getString("assignedToUserId"));
        assertFalse(atOne.getJsonObject("trace").containsKey("snapshotSequence"), "no snapshot is old enough: from the start");
        assertEquals(List.of(0, 1), sequences(atOne.getJsonObject("trace")));

        HeraldClient.Reply untraced = herald.get(executionPath(execution) + "/state?sequence=3");
        assertEquals(atThree.getJsonObject("state"), untraced.json().getJsonObject("state"));
        assertFalse(untraced.json().containsKey("trace"), "the trace only when asked for");

        JsonObject now = state(execution, "trace=true");
        assertEquals(5, now.getJsonObject("trace").getInt("snapshotSequence"));
        assertEquals(current(execution), now.getJsonObject("state"), "replay agrees with the execution row");
    }

    @Test
    void takingMoreSnapshotsThanKeptLeavesOnlyTheNewestThree() throws Exception {
        String execution = start();
        for (int sequence = 0; sequence < 5; sequence++) {
            assign(execution, sequence, "u-" + sequence);
            takeSnapshot(execution);
        }
        HeraldClient.Reply snapshots = herald.get(executionPath(execution) + "/snapshots");
        assertEquals(200, snapshots.status(), snapshots.body());
        assertEquals(List.of(5, 4, 3), snapshots.jsonArray().stream()
                .map(s -> s.asJsonObject().getInt("sequence")).toList());
        assertEquals("u-2", state(execution, "sequence=3").getJsonObject("state").getJsonObject("data")
                .getString("assignedToUserId"));
    }

    @Test
    void everyFiftiethEventIsSnapshottedAutomaticallyAndLaterReplaysStartThere() throws Exception {
        String execution = start();
        for (int sequence = 0; sequence < 52; sequence++) {
            assign(execution, sequence, "u-" + sequence);
        }
        HeraldClient.Reply snapshots = herald.get(executionPath(execution) + "/snapshots");
        assertEquals(List.of(50), snapshots.jsonArray().stream().map(s -> s.asJsonObject().getInt("sequence")).toList());
        JsonObject now = state(execution, "trace=true");
        assertEquals(50, now.getJsonObject("trace").getInt("snapshotSequence"));
        assertEquals(List.of(51, 52), sequences(now.getJsonObject("trace")));
        assertEquals(current(execution), now.getJsonObject("state"));
    }

    @Test
    void eventWithoutATransitionIsRefusedWith422AndJournalsNothing() throws Exception {
        String execution = start();
        HeraldClient.Reply refused = submit(execution, 0, UUID.randomUUID().toString(), "TICKET_REOPENED",
                JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.json().getString("detail").contains("TICKET_REOPENED"), refused.body());
        assertEquals("open", refused.json().getString("state"));

        assign(execution, 0, "alice");
        HeraldClient.Reply guarded = submit(execution, 1, UUID.randomUUID().toString(), "TICKET_RESPONSE_STATE_CHANGED",
                Json.createObjectBuilder().add("newResponseState", "in_progress").build());
        assertEquals(422, guarded.status(), "the guard wants awaiting_client: " + guarded.body());

        assertEquals(2, journal(execution).size());
        assertEquals(1, current(execution).getInt("sequence"));
        assertEquals("assigned", current(execution).getString("currentState"));
    }

    @Test
    void stateUntilATimeBetweenTwoEventsIsTheStateAfterTheFirst() throws Exception {
        String execution = start();
        assign(execution, 0, "alice");
        Instant firstAt = Instant.parse(journal(execution).get(1).getString("createdAt"));
        // Client and server share this machine's clock: once it passed the first event, the second is stamped later.
        Eventually.await("the clock to pass the first event", Duration.ofSeconds(5),
                () -> Instant.now().isAfter(firstAt.plusMillis(1)) ? Boolean.TRUE : null);
        assign(execution, 1, "bob");
        Instant secondAt = Instant.parse(journal(execution).get(2).getString("createdAt"));
        assertTrue(secondAt.isAfter(firstAt), firstAt + " then " + secondAt);

        Instant between = firstAt.plus(Duration.between(firstAt, secondAt).dividedBy(2));
        JsonObject replay = state(execution, "until=" + between + "&trace=true");
        assertEquals(1, replay.getJsonObject("state").getInt("sequence"), replay.toString());
        assertEquals("alice", replay.getJsonObject("state").getJsonObject("data").getString("assignedToUserId"));
        assertEquals(List.of(0, 1), sequences(replay.getJsonObject("trace")));
        assertEquals("bob", state(execution, "until=" + secondAt).getJsonObject("state").getJsonObject("data")
                .getString("assignedToUserId"), "the bound is inclusive");
    }

    @Test
    void executionsAreInvisibleToOtherTenantsAndMalformedRequestsAreRefused() throws Exception {
        String execution = start();
        assertEquals(200, herald.get(executionPath(execution)).status());
        assertEquals(404, HeraldClient.of("other-" + tenant).get(executionPath(execution)).status());
        assertEquals(404, herald.get("api/workflows/executions/" + UUID.randomUUID()).status());
        assertEquals(401, new HeraldClient().get(executionPath(execution)).status(), "a token is required");
        assertEquals(401, new HeraldClient().get("api/workflows/definitions").status(), "a token is required");
        assertEquals(400, herald.post("api/workflows/executions",
                Json.createObjectBuilder().add("workflowName", "no-such-workflow").build()).status());
        assertEquals(400, herald.get(executionPath(execution) + "/state?sequence=7").status(),
                "no state beyond the last sequence");
        assertEquals(400, herald.get(executionPath(execution) + "/state?until=yesterday").status());
        assertEquals(400, herald.get(executionPath(execution) + "/state?until=2000-01-01T00:00:00Z")
                .status(), "no state before the execution started");
        assertEquals(400, herald.get(executionPath(execution) + "/journal?size=0").status());
    }

    @Test
    void definitionsListTheShippedWorkflows() throws Exception {
        HeraldClient.Reply reply = herald.get("api/workflows/definitions");
        assertEquals(200, reply.status(), reply.body());
        JsonObject lifecycle = reply.jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getString("name").equals(WORKFLOW)).findFirst().orElseThrow();
        assertEquals("open", lifecycle.getString("initialState"));
        assertEquals("COMPLETED", lifecycle.getJsonObject("states").getString("closed"));
    }

    private Callable<HeraldClient.Reply> racer(CyclicBarrier together, String execution, long expected, String user) {
        return () -> {
            together.await();
            return submit(execution, expected, UUID.randomUUID().toString(), ASSIGNED, assignTo(user + "-" + expected));
        };
    }

    @Test
    void tenantsExecutionsAreListedNewestFirstPageByPageAndByWorkflow() throws Exception {
        List<String> started = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            started.add(start());
            Thread.sleep(5); // creation times a few milliseconds apart: "newest first" is then one order
        }
        HeraldClient.Reply approval = herald.post("api/workflows/executions", Json.createObjectBuilder()
                .add("workflowName", "ticket-approval").add("correlationKey", "ticket-" + UUID.randomUUID()).build());
        assertEquals(201, approval.status(), approval.body());
        String approvalId = approval.json().getString("executionId");
        new WorkflowApi(UUID.randomUUID().toString()).start("ticket-" + UUID.randomUUID());

        assertEquals(List.of(approvalId, started.get(2), started.get(1), started.get(0)), executionIds("api/workflows/executions"),
                "the tenant's four, newest first, none of the other tenant's");
        assertEquals(List.of(started.get(2), started.get(1)), executionIds("api/workflows/executions?workflowName=" + WORKFLOW + "&size=2"));
        assertEquals(List.of(started.get(0)), executionIds("api/workflows/executions?workflowName=" + WORKFLOW + "&size=2&page=1"));
        assertEquals(400, herald.get("api/workflows/executions?size=501").status());
    }

    private List<String> executionIds(String path) throws Exception {
        HeraldClient.Reply reply = herald.get(path);
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().stream().map(e -> e.asJsonObject().getString("executionId")).toList();
    }

    private String start() throws Exception {
        HeraldClient.Reply reply = herald.post("api/workflows/executions", Json.createObjectBuilder()
                .add("workflowName", WORKFLOW).add("correlationKey", "ticket-" + UUID.randomUUID())
                .add("data", Json.createObjectBuilder().add("ticketNumber", "T-1")).build());
        assertEquals(201, reply.status(), reply.body());
        JsonObject execution = reply.json();
        assertEquals(0, execution.getJsonObject("state").getInt("sequence"));
        assertEquals("open", execution.getJsonObject("state").getString("currentState"));
        return execution.getString("executionId");
    }

    private void assign(String execution, long expected, String user) throws Exception {
        HeraldClient.Reply reply = submit(execution, expected, UUID.randomUUID().toString(), ASSIGNED, assignTo(user));
        assertEquals(200, reply.status(), reply.body());
        assertEquals(expected + 1, reply.json().getInt("sequence"));
    }

    private HeraldClient.Reply submit(String execution, long expected, String eventId, String eventName, JsonObject payload)
            throws Exception {
        return herald.post(executionPath(execution) + "/events", Json.createObjectBuilder()
                .add("expectedSequence", expected).add("eventId", eventId).add("eventName", eventName)
                .add("payload", payload).build());
    }

    private JsonObject takeSnapshot(String execution) throws Exception {
        HeraldClient.Reply reply = herald.post(executionPath(execution) + "/snapshots",
                JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private JsonObject current(String execution) throws Exception {
        HeraldClient.Reply reply = herald.get(executionPath(execution));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("state");
    }

    private JsonObject state(String execution, String query) throws Exception {
        HeraldClient.Reply reply = herald.get(executionPath(execution) + "/state?trace=true&" + query);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private List<JsonObject> journal(String execution) throws Exception {
        HeraldClient.Reply reply = herald.get(executionPath(execution) + "/journal?size=500");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
    }

    private static String executionPath(String execution) {
        return "api/workflows/executions/" + execution;
    }

    private static JsonObject assignTo(String user) {
        return Json.createObjectBuilder().add("assignedToUserId", user).build();
    }

    private static List<Integer> sequences(JsonObject trace) {
        return trace.getJsonArray("appliedSequences").stream().map(v -> ((JsonNumber) v).intValue()).toList();
    }

    private static HeraldClient.Reply reply(Future<HeraldClient.Reply> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static int status(Future<HeraldClient.Reply> future) {
        return reply(future).status();
    }
}
