package dev.herald.bench;

import dev.herald.kernel.WireJson;
import dev.herald.workflow.ExecutionState;
import dev.herald.workflow.Replay;
import dev.herald.workflow.ReplayBound;
import dev.herald.workflow.Replayer;
import dev.herald.workflow.Snapshot;
import dev.herald.workflow.WorkflowDefinition;
import dev.herald.workflow.WorkflowDefinitions;
import dev.herald.workflow.WorkflowEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Workflow executions (issue 6).
 *
 * <p>Replay: the pure {@link Replayer} over in-memory journal events of one ticket-lifecycle execution (1,000,
 * 10,000 and 100,000 events), from the start and from the newest snapshot the policy (every 50) would have kept,
 * exactly the events {@code WorkflowService} would load. Building 100,000-row journals through the server is too
 * slow for this machine, so the database read is not in these figures. Baseline, same run: a loop that touches
 * the same events' payloads without the reducer.
 *
 * <p>With {@code --server}: starts Herald ({@code mvn -Prun package}, ports 9080/61616/6379 must be free) and
 * measures over HTTP {@code submitEvent} latency (p50/p99) and sequential append throughput on one execution, and
 * enqueue throughput, next to {@code GET} of the execution (a read round trip) in the same run.
 * Usage: {@code WorkflowBenchmark <project root> [--server] [appends]}.
 */
public final class WorkflowBenchmark {

    private static String authorization;

    private static final String ASSIGNED = "TICKET_ASSIGNED";
    private static final int SNAPSHOT_EVERY = 50;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        boolean server = Arrays.asList(args).contains("--server");
        int appends = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        WorkflowDefinition lifecycle = WorkflowDefinitions.loadFromClasspath().get("ticket-lifecycle", 1);
        replay(lifecycle);
        if (server) {
            try (HeraldProcess herald = HeraldProcess.start(root)) {
                herald.awaitReady();
                overHttp(root, appends);
            }
        }
    }

    private static void replay(WorkflowDefinition lifecycle) {
        System.out.println("Replay of one execution, pure Replayer over in-memory journal events (median of 5 runs, after warm-up)");
        System.out.printf("%-10s %16s %20s %22s %20s%n", "events", "full replay ms", "from snapshot ms", "snapshot at / applied",
                "baseline loop ms");
        for (int size : new int[] {1_000, 10_000, 100_000}) {
            List<WorkflowEvent> journal = journal(size);
            ExecutionState last = Replayer.replay(lifecycle, Optional.empty(), journal, ReplayBound.latest()).state();
            long snapshotAt = last.sequence() / SNAPSHOT_EVERY * SNAPSHOT_EVERY; // the newest one the policy wrote
            // The snapshot's state, as WorkflowService stores it: the replay up to its sequence.
            ExecutionState atSnapshot = Replayer.replay(lifecycle, Optional.empty(), journal.subList(0, (int) snapshotAt + 1),
                    ReplayBound.latest()).state();
            Snapshot snapshot = Snapshot.of(atSnapshot, journal.get((int) snapshotAt).occurredAt(), Instant.now());
            List<WorkflowEvent> tail = journal.subList((int) snapshotAt + 1, journal.size());
            for (int warm = 0; warm < 3; warm++) {
                full(lifecycle, journal, last);
                fromSnapshot(lifecycle, snapshot, tail, last);
                baseline(journal);
            }
            double fullMs = median(() -> full(lifecycle, journal, last));
            double snapshotMs = median(() -> fromSnapshot(lifecycle, snapshot, tail, last));
            double baselineMs = median(() -> baseline(journal));
            System.out.printf("%,-10d %16.3f %20.4f %22s %20.3f%n", size, fullMs, snapshotMs,
                    snapshotAt + " / " + tail.size(), baselineMs);
        }
    }

    /** Start plus {@code size - 1} assignments, one after the other. */
    private static List<WorkflowEvent> journal(int size) {
        List<WorkflowEvent> events = new ArrayList<>(size);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        events.add(WorkflowEvent.started(Json.createObjectBuilder().add("ticketId", "t-1").build(), t0));
        for (int i = 1; i < size; i++) {
            events.add(new WorkflowEvent(i, ASSIGNED, Json.createObjectBuilder().add("assignedToUserId", "u-" + i)
                    .add("assignedByUserId", "u-0").build(), t0.plusMillis(i)));
        }
        return events;
    }

    private static void full(WorkflowDefinition definition, List<WorkflowEvent> journal, ExecutionState expected) {
        check(Replayer.replay(definition, Optional.empty(), journal, ReplayBound.latest()), expected);
    }

    private static void fromSnapshot(WorkflowDefinition definition, Snapshot snapshot, List<WorkflowEvent> tail,
                                     ExecutionState expected) {
        check(Replayer.replay(definition, Optional.of(snapshot), tail, ReplayBound.latest()), expected);
    }

    private static int sink;

    /** The same events visited without the reducer: what reading them alone costs. */
    private static void baseline(List<WorkflowEvent> journal) {
        int n = 0;
        for (WorkflowEvent event : journal) {
            n += event.payload().size() + (int) event.sequence();
        }
        sink += n;
    }

    private static void check(Replay replay, ExecutionState expected) {
        if (!replay.state().equals(expected)) {
            throw new IllegalStateException("replay gave " + replay.state() + ", expected " + expected);
        }
    }

    private static double median(Runnable run) {
        double[] ms = new double[5];
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            run.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }

    private static void overHttp(Path root, int appends) throws Exception {
        String tenant = "bench-" + UUID.randomUUID();
        authorization = HeraldProcess.authorization(root, tenant);
        String execution = start(tenant);
        String path = HeraldProcess.BASE + "api/workflows/executions/" + execution;
        int warmUp = Math.max(200, appends / 5);
        long[] submit = new long[appends];
        long[] read = new long[appends];
        for (int i = 0; i < warmUp + appends; i++) {
            JsonObject body = Json.createObjectBuilder().add("expectedSequence", i).add("eventId", UUID.randomUUID().toString())
                    .add("eventName", ASSIGNED).add("payload", Json.createObjectBuilder().add("assignedToUserId", "u-" + i)).build();
            long t = System.nanoTime();
            send(post(path + "/events", body), 200);
            long submitted = System.nanoTime();
            send(HttpRequest.newBuilder(URI.create(path + "")).GET(), 200);
            if (i >= warmUp) {
                submit[i - warmUp] = submitted - t;
                read[i - warmUp] = System.nanoTime() - submitted;
            }
        }
        double submitSeconds = Arrays.stream(submit).sum() / 1e9;
        String queued = start(tenant);
        String queuedPath = HeraldProcess.BASE + "api/workflows/executions/" + queued;
        long t = System.nanoTime();
        for (int i = 0; i < appends; i++) {
            send(post(queuedPath + "/events:enqueue", Json.createObjectBuilder()
                    .add("eventId", UUID.randomUUID().toString()).add("eventName", ASSIGNED)
                    .add("payload", Json.createObjectBuilder().add("assignedToUserId", "u-" + i)).build()), 202);
        }
        double enqueueSeconds = (System.nanoTime() - t) / 1e9;
        long drainStart = System.nanoTime();
        while (sequence(queuedPath + "") < appends) {
            Thread.sleep(50);
        }
        double drainSeconds = (System.nanoTime() - drainStart) / 1e9 + enqueueSeconds;
        Arrays.sort(submit);
        Arrays.sort(read);
        System.out.printf("%nOver HTTP, one client, one execution, %d events after %d warm-up (Derby, dev server)%n", appends, warmUp);
        System.out.printf("submitEvent             p50 %7.2f ms   p99 %7.2f ms   %,8.0f appends/s (sequential)%n",
                pct(submit, 50), pct(submit, 99), appends / submitSeconds);
        System.out.printf("baseline GET execution  p50 %7.2f ms   p99 %7.2f ms%n", pct(read, 50), pct(read, 99));
        System.out.printf("enqueue                 %,8.0f enqueues/s; all %d applied by the workers after %.1f s (%,.0f events/s)%n",
                appends / enqueueSeconds, appends, drainSeconds, appends / drainSeconds);
    }

    private static String start(String tenant) throws Exception {
        HttpResponse<String> reply = send(post(HeraldProcess.BASE + "api/workflows/executions",
                Json.createObjectBuilder().add("workflowName", "ticket-lifecycle").add("correlationKey", UUID.randomUUID().toString())
                        .build()), 201);
        return WireJson.parseObject(reply.body()).getString("executionId");
    }

    private static long sequence(String url) throws Exception {
        HttpResponse<String> reply = send(HttpRequest.newBuilder(URI.create(url)).GET(), 200);
        return WireJson.parseObject(reply.body()).getJsonObject("state").getJsonNumber("sequence").longValue();
    }

    private static HttpRequest.Builder post(String url, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> reply = HeraldProcess.HTTP.send(request.header("Authorization", authorization)
                        .timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != expected) {
            throw new IllegalStateException(reply.statusCode() + " " + reply.body());
        }
        return reply;
    }

    private static double pct(long[] sortedNanos, int percentile) {
        int index = Math.min(sortedNanos.length - 1, (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1);
        return sortedNanos[Math.max(0, index)] / 1e6;
    }
}
