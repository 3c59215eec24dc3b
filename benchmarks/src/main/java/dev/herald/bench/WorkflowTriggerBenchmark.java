package dev.herald.bench;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Publish call to workflow execution started (issue 19): TICKET_CREATED events, each with a ticket of its own,
 * published over HTTP; the shipped ticket-lifecycle definition triggers on TICKET_CREATED (correlated by
 * {@code ticketId}), so each event starts one execution through the relay, the workflow stream and the trigger
 * consumer ({@code WorkflowStreamConsumer}, one transaction per entry).
 *
 * <p>What is compared, per event, all on this machine's one clock: the envelope's {@code timestamp} (taken in the
 * publish call; the workflow stream entry carries it), the stream entry's id (the Redis time of the relay's XADD)
 * and the {@code createdAt} of the execution's start (journal sequence 0, stamped in the trigger's transaction),
 * read over the API once every execution exists, so the reading does not load the server while it works. Publish →
 * workflow stream entry of the same events is the same-run baseline, next to a raw Redisson XADD from one client.
 * Each mode publishes as a tenant of its own, so the tenant's executions are exactly the mode's. Modes: HTTP single
 * events from {@code threads} clients, HTTP batches of 100 from 4 clients (each after a warm-up of its own), and
 * single events from one client at a fixed {@code rate}, below what the trigger consumer can take, for the latency
 * without a queue. Never fails a build: it is not part of one.
 *
 * <p>Starts Herald with {@code mvn -Prun package} (ports 9080, 61616 and 6379 free); {@code
 * -Dherald.bench.run-properties="-Dliberty.bootstrap.herald.workflow.stream-batch=500 ..."} adds run properties.
 * Usage: {@code WorkflowTriggerBenchmark <project root> [single events] [batches of 100] [client threads] [warm-up
 * events] [paced events] [paced rate per second]}.
 */
public final class WorkflowTriggerBenchmark {

    private static final String WORKFLOW = "ticket-lifecycle";
    private static final String WORKFLOW_STREAM = "workflow:events:global";
    /** The start's journal event id is {@code {eventId}/start/{workflow}} (docs/architecture.md, "Triggers"). */
    private static final String START_SUFFIX = "/start/" + WORKFLOW;

    private static Path root;
    private static RedissonClient redis;

    public static void main(String[] args) throws Exception {
        root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 500;
        int pacedEvents = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        int pacedRate = args.length > 6 ? Integer.parseInt(args[6]) : 50;
        String[] runProperties = HeraldProcess.runProperties();
        System.out.println("load average before the start: " + loadAverage() + "; run properties " + List.of(runProperties));
        try (HeraldProcess herald = HeraldProcess.start(root, runProperties)) {
            herald.awaitReady();
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:6379");
            redis = Redisson.create(config);
            try {
                List<Result> results = new ArrayList<>();
                measure("warm-up, HTTP single events", warmUp, 1, threads, 0);
                results.add(measure("HTTP single events", singles, 1, threads, 0));
                measure("warm-up, HTTP batches", warmUp, 100, Math.min(threads, 4), 0);
                results.add(measure("HTTP batches of 100", batches * 100, 100, Math.min(threads, 4), 0));
                results.add(measure("HTTP single, 1 client, " + pacedRate + "/s", pacedEvents, 1, 1, pacedRate));
                double raw = E2eBenchmark.rawXadd(redis, 20_000);
                System.out.printf("%nPublish call -> relay -> workflow stream -> trigger -> %s execution started"
                        + " (load average now %s)%n", WORKFLOW, loadAverage());
                results.forEach(Result::print);
                System.out.printf("  baseline: raw Redisson XADD, one client %,10.0f events/s%n", raw);
            } finally {
                redis.shutdown();
            }
        }
    }

    /**
     * @param rate events per second for one paced client, 0 for as fast as the clients go
     */
    private static Result measure(String name, int events, int perRequest, int threads, int rate) throws Exception {
        String tenant = UUID.randomUUID().toString();
        String token = HeraldProcess.authorization(root, tenant);
        String load = loadAverage();
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        long start = System.currentTimeMillis();
        ClientThreads.run(threads, events / perRequest, (thread, requests) -> {
            long begin = System.nanoTime();
            for (int r = 0; r < requests; r++) {
                if (rate > 0) { // the next event's due time, so a slow answer is not added to every later one
                    long due = begin + TimeUnit.SECONDS.toNanos(r) / rate;
                    TimeUnit.NANOSECONDS.sleep(due - System.nanoTime());
                }
                ids.addAll(E2eBenchmark.publish(token, "TICKET_CREATED", "ticketId", perRequest));
            }
        });
        long published = System.currentTimeMillis();
        awaitExecutions(token, ids.size());
        Map<String, Long> started = startTimes(token);
        Map<String, long[]> entries = streamEntries(tenant, start);
        return Result.of(name, load, ids, start, published, started, entries);
    }

    /**
     * Polls (every 250 ms, at most 10 minutes) until the tenant has {@code count} executions: asks for the one at
     * place {@code count - 1}, a single small read, so the polling barely loads the server.
     */
    private static void awaitExecutions(String token, int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (WireJson.parse(E2eBenchmark.get(token, "api/workflows/executions?workflowName=" + WORKFLOW + "&size=1&page="
                + (count - 1))).asJsonArray().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("fewer than " + count + " executions after 10 minutes");
            }
            Thread.sleep(250);
        }
    }

    /** Every execution of the tenant: the domain event that started it and when it was started (ms since the epoch). */
    private static Map<String, Long> startTimes(String token) throws Exception {
        List<String> executions = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonArray found = WireJson.parse(E2eBenchmark.get(token, "api/workflows/executions?workflowName=" + WORKFLOW
                    + "&size=500&page=" + page)).asJsonArray();
            found.forEach(e -> executions.add(e.asJsonObject().getString("executionId")));
            if (found.size() < 500) {
                break;
            }
        }
        Map<String, Long> started = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(8);
        List<Future<?>> reads = new ArrayList<>();
        for (String execution : executions) {
            reads.add(readers.submit(() -> {
                JsonObject first = WireJson.parseObject(E2eBenchmark.get(token, "api/workflows/executions/" + execution
                        + "/journal?size=1")).getJsonArray("entries").getJsonObject(0);
                String eventId = first.getString("eventId");
                if (!eventId.endsWith(START_SUFFIX)) {
                    throw new IllegalStateException("execution " + execution + " was not started by a trigger: " + first);
                }
                if (started.put(eventId.substring(0, eventId.length() - START_SUFFIX.length()),
                        Instant.parse(first.getString("createdAt")).toEpochMilli()) != null) {
                    throw new IllegalStateException("event " + eventId + " started two executions");
                }
                return null;
            }));
        }
        for (Future<?> r : reads) {
            r.get();
        }
        readers.shutdown();
        return started;
    }

    /** The tenant's workflow stream entries from {@code since}: event id to {envelope timestamp, XADD time} in ms. */
    private static Map<String, long[]> streamEntries(String tenant, long since) {
        RStream<String, String> stream = redis.getStream(WORKFLOW_STREAM, StringCodec.INSTANCE);
        Map<String, long[]> entries = new ConcurrentHashMap<>();
        StreamMessageId from = new StreamMessageId(since, 0);
        while (true) {
            Map<StreamMessageId, Map<String, String>> page = stream.range(1000, from, StreamMessageId.MAX);
            for (Map.Entry<StreamMessageId, Map<String, String>> e : page.entrySet()) {
                Map<String, String> fields = e.getValue();
                if (tenant.equals(fields.get("tenant"))) {
                    entries.put(fields.get("event_id"), new long[] {Instant.parse(fields.get("timestamp")).toEpochMilli(),
                            e.getKey().getId0()});
                }
            }
            if (page.size() < 1000) {
                return entries;
            }
            StreamMessageId last = new ArrayList<>(page.keySet()).get(page.size() - 1);
            from = new StreamMessageId(last.getId0(), last.getId1() + 1);
        }
    }

    private record Result(String name, String loadAverage, int events, double publishRate, double streamRate,
                          double startRate, double[] toStream, double[] toStart, int missing) {

        static Result of(String name, String loadAverage, Set<String> ids, long start, long published,
                         Map<String, Long> started, Map<String, long[]> entries) {
            long[] toStream = new long[ids.size()];
            long[] toStart = new long[ids.size()];
            long lastEntry = start;
            long lastStart = start;
            int i = 0;
            int missing = 0;
            for (String id : ids) {
                long[] entry = entries.get(id);
                Long at = started.get(id);
                if (entry == null || at == null) {
                    missing++;
                    continue;
                }
                toStream[i] = entry[1] - entry[0];
                toStart[i] = at - entry[0];
                lastEntry = Math.max(lastEntry, entry[1]);
                lastStart = Math.max(lastStart, at);
                i++;
            }
            long[] streamLatencies = Arrays.copyOf(toStream, i);
            long[] startLatencies = Arrays.copyOf(toStart, i);
            return new Result(name, loadAverage, ids.size(), ids.size() / ((published - start) / 1e3),
                    i / ((lastEntry - start) / 1e3), i / ((lastStart - start) / 1e3),
                    percentiles(streamLatencies), percentiles(startLatencies), missing + started.size() - i);
        }

        void print() {
            System.out.printf("  %-30s %6d events, load %s: published %,7.0f/s | publish -> stream entry %,7.0f/s p50 %6.0f ms"
                            + " p99 %6.0f ms | publish -> execution started %,7.0f/s p50 %6.0f ms p99 %6.0f ms%s%n",
                    name, events, loadAverage, publishRate, streamRate, toStream[0], toStream[1], startRate, toStart[0],
                    toStart[1], missing == 0 ? "" : "   UNMATCHED " + missing);
        }
    }

    /** {p50, p99} of the latencies, in ms. */
    private static double[] percentiles(long[] latencies) {
        if (latencies.length == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        Arrays.sort(latencies);
        return new double[] {latencies[latencies.length / 2], latencies[Math.min(latencies.length - 1, (int) (latencies.length * 0.99))]};
    }

    /** The 1, 5 and 15 minute load averages ({@code /proc/loadavg}): two cores are shared with other builds. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
