package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The workflow endpoints for one tenant, as the workflow ITs use them over HTTP. */
final class WorkflowApi {

    static final String LIFECYCLE = "ticket-lifecycle";

    private final HeraldClient herald;
    private final String tenant;

    WorkflowApi(String tenant) {
        this(tenant, HeraldClient.of(tenant));
    }

    /** The tenant's endpoints with a token of exactly these groups. */
    WorkflowApi(String tenant, String... groups) {
        this(tenant, HeraldClient.of(tenant, groups));
    }

    private WorkflowApi(String tenant, HeraldClient herald) {
        this.herald = herald;
        this.tenant = tenant;
    }

    String start(String correlationKey) throws Exception {
        HeraldClient.Reply reply = herald.post("api/workflows/executions", Json.createObjectBuilder()
                .add("workflowName", LIFECYCLE).add("correlationKey", correlationKey).build());
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("executionId");
    }

    HeraldClient.Reply enqueue(String execution, String eventId, String eventName, JsonObject payload) throws Exception {
        return herald.post(path(execution) + "/events:enqueue", event(eventId, eventName, payload));
    }

    /**
     * Queues on a just started ticket-lifecycle execution {@code deadEventId}, a TICKET_REOPENED its state 'open'
     * refuses, and behind it {@code heldBackEventId}, a TICKET_ASSIGNED to alice. Returns the journal once the first
     * is DEAD.
     */
    List<JsonObject> queueBehindADeadEvent(String execution, String deadEventId, String heldBackEventId,
                                           Duration timeout) throws Exception {
        assertEquals(202, enqueue(execution, deadEventId, "TICKET_REOPENED", JsonValue.EMPTY_JSON_OBJECT).status());
        assertEquals(202, enqueue(execution, heldBackEventId, "TICKET_ASSIGNED",
                Json.createObjectBuilder().add("assignedToUserId", "alice").build()).status());
        return journalOnce("the refused event DEAD", execution, timeout,
                journal -> journal.size() > 2 && journal.get(1).getString("processingStatus").equals("DEAD"));
    }

    /** An operator's retry of a DEAD queued event: the whole answer, a problem when refused. */
    java.net.http.HttpResponse<String> retry(String execution, String eventId) throws Exception {
        return onEvent(execution, eventId, "retry");
    }

    /** An operator's discard of a DEAD queued event: the whole answer, a problem when refused. */
    java.net.http.HttpResponse<String> discard(String execution, String eventId) throws Exception {
        return onEvent(execution, eventId, "discard");
    }

    private java.net.http.HttpResponse<String> onEvent(String execution, String eventId, String action) throws Exception {
        return herald.exchange(java.net.http.HttpRequest.newBuilder(
                        herald.uri(path(execution) + "/events/" + eventId + ":" + action))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    }

    /** The state replayed from the journal at a sequence. */
    JsonObject replayedAt(String execution, long sequence) throws Exception {
        HeraldClient.Reply reply = herald.get(path(execution) + "/state?sequence=" + sequence);
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("state");
    }

    /** The test probe: the event enqueued and left PROCESSING by a worker that died before applying it. */
    HeraldClient.Reply enqueueClaimedByACrashedWorker(String execution, String eventId, String eventName, JsonObject payload)
            throws Exception {
        return herald.post("probes/workflows/executions/" + execution + "/crashed-worker",
                event(eventId, eventName, payload));
    }

    private static JsonObject event(String eventId, String eventName, JsonObject payload) {
        return Json.createObjectBuilder().add("eventId", eventId).add("eventName", eventName).add("payload", payload).build();
    }

    JsonObject current(String execution) throws Exception {
        HeraldClient.Reply reply = herald.get(path(execution));
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonObject("state");
    }

    List<JsonObject> journal(String execution) throws Exception {
        HeraldClient.Reply reply = herald.get(path(execution) + "/journal?size=500");
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject).toList();
    }

    List<JsonObject> correlatedWith(String correlationKey) throws Exception {
        HeraldClient.Reply reply = herald.get("api/workflows/executions?correlationKey=" + correlationKey);
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    List<JsonObject> earlyEvents() throws Exception {
        HeraldClient.Reply reply = herald.get("api/workflows/early-events");
        assertEquals(200, reply.status(), reply.body());
        return reply.jsonArray().stream().map(JsonValue::asJsonObject).toList();
    }

    /** The journal once every row satisfies the condition. */
    List<JsonObject> journalOnce(String what, String execution, Duration timeout, Predicate<List<JsonObject>> done)
            throws InterruptedException {
        AtomicReference<List<JsonObject>> lastSeen = new AtomicReference<>(List.of());
        try {
            return Eventually.await(what, timeout, () -> {
                List<JsonObject> rows = unchecked(() -> journal(execution));
                if (rows == null) {
                    return null;
                }
                lastSeen.set(rows);
                return done.test(rows) ? rows : null;
            });
        } catch (AssertionError notYet) {
            throw new AssertionError(notYet.getMessage() + "; the journal last read: " + summary(lastSeen.get()), notYet);
        }
    }

    /** Sequence, status and attempts of each row, with the last error where there is one: what a timeout left. */
    private static String summary(List<JsonObject> rows) {
        return rows.stream().map(row -> row.getInt("sequence") + ":" + row.getString("processingStatus") + "x"
                        + row.getInt("attempts", 0) + (row.containsKey("lastError") && !row.isNull("lastError")
                        ? "(" + row.getString("lastError") + ")" : ""))
                .collect(Collectors.joining(" ", "[", "]"));
    }

    static boolean allDone(List<JsonObject> rows) {
        return rows.stream().allMatch(row -> row.getString("processingStatus").equals("DONE"));
    }

    interface Call<T> {
        T call() throws Exception;
    }

    /** For probes inside {@link Eventually}: an HTTP failure (server restarting) counts as "not yet". */
    static <T> T unchecked(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            return null;
        }
    }

    private static String path(String execution) {
        return "api/workflows/executions/" + execution;
    }
}
