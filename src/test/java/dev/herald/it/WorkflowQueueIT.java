package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queued workflow events on the real server and database: enqueued events are applied by the workers in sequence
 * order, a failing one is retried and ends DEAD with its reason (an admin's retry takes it through its attempts
 * again, a discard lets the events held back behind it go on), and a backlog interrupted by stopping the application
 * is finished after it starts again, every event journaled once. The deployment is not managed: one test stops and starts the application (the IT server's timings
 * are in src/test/liberty/overrides/workflow-it.xml: claim timeout 3 s, retries from 0.2 s, workers every 0.2 s).
 */
@ExtendWith(ArquillianExtension.class)
class WorkflowQueueIT {

    /*
     * How long a queue may take to drain. Generous on purpose: by the time this class runs, the suite's earlier tests
     * may have published hundreds of TICKET_CREATED events, each starting a ticket-lifecycle execution through the
     * trigger consumer, which shares the database and the executor threads with the queue workers. (The stalls of
     * minutes seen in CI were EclipseLink's shared cache hiding claims; see persistence.xml.) The assertions are
     * about order and exactly-once, not speed.
     */
    private static final Duration DRAIN = Duration.ofSeconds(180);

    private static final String DEPLOYMENT = "herald-workflow-queue";
    private static final String ASSIGNED = "TICKET_ASSIGNED";

    private final String tenant = UUID.randomUUID().toString();
    private final WorkflowApi workflows = new WorkflowApi(tenant);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void enqueuedEventsAreAppliedInSequenceOrderAndEndDoneAndARepeatedIdJournalsOneRow() throws Exception {
        whileDeployed(() -> {
            String execution = workflows.start("ticket-" + UUID.randomUUID());
            String repeated = UUID.randomUUID().toString();
            for (int i = 1; i <= 10; i++) {
                String eventId = i == 3 ? repeated : UUID.randomUUID().toString();
                HeraldClient.Reply reply = workflows.enqueue(execution, eventId, ASSIGNED, assignTo("u-" + i));
                assertEquals(202, reply.status(), reply.body());
                assertEquals(i, reply.json().getInt("sequence"), "the sequence is taken at enqueue");
            }
            HeraldClient.Reply again = workflows.enqueue(execution, repeated, ASSIGNED, assignTo("u-3"));
            assertEquals(202, again.status(), again.body());
            assertEquals(3, again.json().getInt("sequence"), "the first enqueue's row");

            List<JsonObject> rows = workflows.journalOnce("all ten events DONE", execution, DRAIN,
                    WorkflowApi::allDone);
            assertEquals(11, rows.size(), "start + ten events, the repeated id once");
            for (int i = 1; i <= 10; i++) {
                JsonObject row = rows.get(i);
                assertEquals(i, row.getInt("sequence"));
                assertEquals("u-" + i, row.getJsonObject("payload").getString("assignedToUserId"));
                assertEquals(i == 1 ? "open" : "assigned", row.getString("fromState"));
                assertEquals("assigned", row.getString("toState"));
                assertEquals(1, row.getInt("attempts"));
            }
            JsonObject state = workflows.current(execution);
            assertEquals(10, state.getInt("sequence"));
            assertEquals("u-10", state.getJsonObject("data").getString("assignedToUserId"), "applied in sequence order");
        });
    }

    @Test
    void anEventLeftProcessingByACrashedWorkerIsTakenOverAfterTheClaimTimeoutAndJournaledOnce() throws Exception {
        whileDeployed(() -> {
            String execution = workflows.start("ticket-" + UUID.randomUUID());
            String eventId = UUID.randomUUID().toString();
            HeraldClient.Reply abandoned = workflows.enqueueClaimedByACrashedWorker(execution, eventId, ASSIGNED, assignTo("u-1"));
            assertEquals(202, abandoned.status(), abandoned.body());
            JsonObject claimed = workflows.journalOnce("the abandoned claim", execution, Duration.ofSeconds(10), rows -> true).get(1);
            assertEquals("PROCESSING", claimed.getString("processingStatus"), "as the crashed worker left it");
            assertEquals(1, claimed.getInt("attempts"));

            List<JsonObject> rows = workflows.journalOnce("the event taken over and DONE", execution, DRAIN,
                    WorkflowApi::allDone);
            assertEquals(2, rows.size(), "start + the event, journaled once");
            assertEquals(eventId, rows.get(1).getString("eventId"));
            assertEquals(2, rows.get(1).getInt("attempts"), "the crashed worker's claim, then the take-over");
            assertEquals("assigned", workflows.current(execution).getString("currentState"));
        });
    }

    @Test
    void eventTheStateRefusesIsRetriedThenDeadWithItsReasonAndHoldsBackTheEventsAfterIt() throws Exception {
        whileDeployed(() -> {
            String execution = workflows.start("ticket-" + UUID.randomUUID());
            List<JsonObject> rows = workflows.queueBehindADeadEvent(execution, UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(), DRAIN);
            JsonObject dead = rows.get(1);
            assertEquals(5, dead.getInt("attempts"), "herald.workflow.max-attempts (default 5)");
            assertTrue(dead.getString("lastError").contains("refuses TICKET_REOPENED in state 'open'"), dead.toString());
            assertEquals("PENDING", rows.get(2).getString("processingStatus"), "a later event never overtakes a dead one");
            assertEquals(0, workflows.current(execution).getInt("sequence"));
        });
    }

    @Test
    void retriedDeadEventIsAttemptedAgainFromAttemptZeroAndOnlyADeadEventCanBeRetried() throws Exception {
        whileDeployed(() -> {
            String execution = workflows.start("ticket-" + UUID.randomUUID());
            String refused = UUID.randomUUID().toString();
            String later = UUID.randomUUID().toString();
            workflows.queueBehindADeadEvent(execution, refused, later, DRAIN);

            java.net.http.HttpResponse<String> answer = workflows.retry(execution, refused);
            assertEquals(202, answer.statusCode(), answer.body());
            JsonObject retried = Json.createReader(new java.io.StringReader(answer.body())).readObject();
            assertEquals("PENDING", retried.getString("processingStatus"));
            assertEquals(0, retried.getInt("attempts"));
            assertTrue(retried.getString("lastError").contains("refuses TICKET_REOPENED"), "why it died stays visible");

            // The state still refuses it: the workers take it again, through all its attempts, and it dies again.
            JsonObject deadAgain = workflows.journalOnce("the retried event DEAD again", execution, DRAIN,
                    journal -> journal.get(1).getString("processingStatus").equals("DEAD")).get(1);
            assertEquals(5, deadAgain.getInt("attempts"), "a fresh set of herald.workflow.max-attempts");

            JsonObject notDead = ProblemAnswers.problem(workflows.retry(execution, later), 409);
            assertEquals("urn:herald:problem:event-not-dead", notDead.getString("type"));
            assertEquals("PENDING", notDead.getString("processingStatus"), "held back behind the dead one");
            ProblemAnswers.problem(workflows.retry(execution, UUID.randomUUID().toString()), 404);
            ProblemAnswers.problem(new WorkflowApi(tenant, "simulator").retry(execution, refused), 403);
            ProblemAnswers.problem(new WorkflowApi(UUID.randomUUID().toString()).retry(execution, refused), 404);
        });
    }

    @Test
    void discardedDeadEventChangesNothingAndTheEventsHeldBackBehindItApply() throws Exception {
        whileDeployed(() -> {
            String execution = workflows.start("ticket-" + UUID.randomUUID());
            String refused = UUID.randomUUID().toString();
            workflows.queueBehindADeadEvent(execution, refused, UUID.randomUUID().toString(), DRAIN);
            ProblemAnswers.problem(new WorkflowApi(tenant, "simulator").discard(execution, refused), 403);

            java.net.http.HttpResponse<String> answer = workflows.discard(execution, refused);
            assertEquals(200, answer.statusCode(), answer.body());
            JsonObject discarded = Json.createReader(new java.io.StringReader(answer.body())).readObject();
            assertEquals("DISCARDED", discarded.getString("processingStatus"));
            assertEquals("open", discarded.getString("toState"), "the execution stays where it was");
            assertTrue(discarded.getString("lastError").contains("refuses TICKET_REOPENED"), "why it was dropped stays");

            List<JsonObject> rows = workflows.journalOnce("the held-back event DONE", execution, DRAIN,
                    journal -> journal.get(2).getString("processingStatus").equals("DONE"));
            assertEquals("open", rows.get(2).getString("fromState"));
            JsonObject now = workflows.current(execution);
            assertEquals("assigned", now.getString("currentState"));
            assertEquals(2, now.getInt("sequence"));
            assertEquals(now, workflows.replayedAt(execution, 2), "replay passes over the discarded event as the execution did");
            assertEquals("open", workflows.replayedAt(execution, 1).getString("currentState"));

            JsonObject twice = ProblemAnswers.problem(workflows.discard(execution, refused), 409);
            assertEquals("DISCARDED", twice.getString("processingStatus"));
            assertEquals("DISCARDED", ProblemAnswers.problem(workflows.retry(execution, refused), 409)
                    .getString("processingStatus"), "a discarded event is not retried either");
        });
    }

    @Test
    void backlogInterruptedByStoppingTheApplicationIsFinishedAfterItStartsAgainWithEveryEventJournaledOnce()
            throws Exception {
        int executions = 30;
        int perExecution = 12;
        List<String> started = new ArrayList<>();
        deployer.deploy(DEPLOYMENT);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            for (int e = 0; e < executions; e++) {
                started.add(workflows.start("ticket-" + UUID.randomUUID()));
            }
            // Four clients enqueue faster than the workers apply, so a backlog builds up.
            List<Callable<Integer>> enqueues = new ArrayList<>();
            for (String execution : started) {
                enqueues.add(() -> {
                    for (int i = 1; i <= perExecution; i++) {
                        assertEquals(202, workflows.enqueue(execution, UUID.randomUUID().toString(), ASSIGNED,
                                assignTo("u-" + i)).status());
                    }
                    return perExecution;
                });
            }
            for (Future<Integer> done : clients.invokeAll(enqueues)) {
                done.get();
            }
            // Stop the application while the workers are in the middle of the backlog: an event claimed but not
            // yet applied stays PROCESSING, its worker gone, until another takes it over after the claim timeout.
        } finally {
            clients.shutdownNow();
            deployer.undeploy(DEPLOYMENT);
        }
        whileDeployed(() -> {
            int takenOver = 0;
            Instant deadline = Instant.now().plus(DRAIN);
            for (String execution : started) {
                List<JsonObject> rows = workflows.journalOnce("execution " + execution + " drained", execution,
                        Duration.between(Instant.now(), deadline), WorkflowApi::allDone);
                assertEquals(perExecution + 1, rows.size(), "one row per event, none twice");
                for (int i = 1; i <= perExecution; i++) {
                    assertEquals(i, rows.get(i).getInt("sequence"));
                    assertEquals("u-" + i, rows.get(i).getJsonObject("payload").getString("assignedToUserId"));
                    takenOver += rows.get(i).getInt("attempts") > 1 ? 1 : 0;
                }
                JsonObject state = workflows.current(execution);
                assertEquals(perExecution, state.getInt("sequence"));
                assertEquals("u-" + perExecution, state.getJsonObject("data").getString("assignedToUserId"));
            }
            System.out.println("WorkflowQueueIT: " + takenOver + " event(s) were claimed more than once across the restart");
        });
    }

    /** What a test does with the application deployed; it is undeployed afterwards, whatever happened. */
    private interface Body {
        void run() throws Exception;
    }

    private void whileDeployed(Body body) throws Exception {
        deployer.deploy(DEPLOYMENT);
        try {
            body.run();
        } finally {
            deployer.undeploy(DEPLOYMENT);
        }
    }

    private static JsonObject assignTo(String user) {
        return Json.createObjectBuilder().add("assignedToUserId", user).build();
    }
}
