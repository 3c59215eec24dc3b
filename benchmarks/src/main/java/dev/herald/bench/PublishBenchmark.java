package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * End-to-end publishing: from the publish call (HTTP, through EventPublisher, XA to the broker, the relay MDB) to
 * the entry on the Redis stream, for single-event transactions and for batches of 100 per transaction, next to raw
 * Redisson XADD of the same envelopes from one client in the same run.
 * Every mode runs after a warm-up of its own (Liberty's JIT needs a few thousand requests before the figures
 * settle: a cold server relays a third of what a warm one does).
 * Two of the modes publish from inside the server (the publish load probe of the probes WAR, which the run server
 * carries only with {@code -Pprobes}: container threads calling
 * EventPublisher as a business EJB would, one transaction per event or per 100), so that the publishing path is
 * measured without an HTTP client, JAX-RS and token checks on the same two cores; their latency runs from the
 * envelope's timestamp (taken in the publish call, millisecond precision) to the stream entry.
 * Usage: {@code PublishBenchmark <project root> [single events] [batches of 100] [client threads] [warm-up events]
 * [server threads for single events]}. With {@code -Dherald.bench.profile=<file prefix>} the server is profiled
 * (async-profiler, {@link ServerProfiler}) through each measured phase, and {@code -Dherald.bench.profile.frames=a,b}
 * prints the share of its CPU samples in those frames (for example {@code dev/herald/metrics}: what the event-path
 * metrics cost).
 */
public final class PublishBenchmark {

    private static String authorization;

    /*
     * PROJECT_CREATED, not TICKET_CREATED: Herald's own reference subscriber and the shipped ticket-lifecycle trigger
     * react to every ticket event in the same JVM, and their database work on the same two cores would be measured
     * as the relay's. No in-process consumer reacts to PROJECT_CREATED.
     */
    private static final String TYPE = "PROJECT_CREATED";
    private static final String STREAM = "alga-psa:event-stream:global:" + TYPE;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        authorization = HeraldProcess.authorization(root, "bench");
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int serverThreads = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        // -Pprobes: the run server's EAR also carries the test probes (the load probe at /probes/events/load).
        try (HeraldProcess herald = HeraldProcess.start(root, HeraldProcess.runProperties("-Pprobes"))) {
            herald.awaitReady();
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:6379");
            RedissonClient redis = Redisson.create(config);
            try {
                Arrivals arrivals = new Arrivals(redis.getStream(STREAM, StringCodec.INSTANCE));
                arrivals.start();
                Optional<ServerProfiler> profiler = herald.profiler();
                run("warm-up, single-event transactions", warmUp, 1, threads, arrivals);
                Result single = profiled(profiler, "single", () -> run("single-event transactions", singles, 1, threads, arrivals));
                inServer("warm-up, in-server single-event transactions", warmUp, serverThreads, 1, arrivals);
                Result inServer = profiled(profiler, "in-server-single",
                        () -> inServer("in-server single-event transactions", singles, serverThreads, 1, arrivals));
                run("warm-up, batches", 5 * warmUp, 100, Math.min(threads, 4), arrivals); // the JIT warms per request, not per event
                Result batched = profiled(profiler, "batches",
                        () -> run("batches of 100 per transaction", batches * 100, 100, Math.min(threads, 4), arrivals));
                inServer("warm-up, in-server batches", 5 * warmUp, 4, 100, arrivals);
                Result inServerBatched = profiled(profiler, "in-server-batches",
                        () -> inServer("in-server batches of 100", batches * 100, 4, 100, arrivals));
                arrivals.stop();
                double raw = rawXadd(redis, Math.max(singles, 10_000));
                System.out.printf("%nPublish -> stream entry, end to end (%d client threads over HTTP)%n", threads);
                single.print();
                inServer.print();
                batched.print();
                inServerBatched.print();
                System.out.printf("  baseline: raw Redisson XADD, one client, same envelopes   %,10.0f events/s%n", raw);
                System.out.printf("  relay rate vs baseline: single %.0f%%, in-server single %.0f%%, batched %.0f%%,"
                                + " in-server batched %.0f%%%n", 100 * single.eventsPerSecond / raw,
                        100 * inServer.eventsPerSecond / raw, 100 * batched.eventsPerSecond / raw,
                        100 * inServerBatched.eventsPerSecond / raw);
            } finally {
                redis.shutdown();
            }
        }
    }

    /** The phase, sampled by the server's profiler when there is one (its shares are printed as the phase ends). */
    private static Result profiled(Optional<ServerProfiler> profiler, String phase, Callable<Result> measuring) throws Exception {
        if (profiler.isPresent()) {
            profiler.get().start();
        }
        try {
            return measuring.call();
        } finally {
            if (profiler.isPresent()) {
                profiler.get().stop(phase);
            }
        }
    }

    private record Result(String name, int events, double eventsPerSecond, double p50, double p99) {
        void print() {
            System.out.printf("  %-34s %7d events %,10.0f events/s   latency p50 %7.1f ms  p99 %7.1f ms%n",
                    name, events, eventsPerSecond, p50, p99);
        }
    }

    private static Result run(String name, int events, int perRequest, int threads, Arrivals arrivals) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        ClientThreads.run(threads, events / perRequest, (thread, requests) -> {
            for (int r = 0; r < requests; r++) {
                long at = System.nanoTime();
                for (String id : publish(perRequest)) {
                    sentAt.put(id, at);
                }
            }
        });
        return measured(name, sentAt.keySet(), start, arrivals, id -> (arrivals.arrivedAt(id) - sentAt.get(id)) / 1e6);
    }

    /** Waits (at most 5 minutes) for every id on the stream; the rate from {@code start} to the last arrival. */
    private static Result measured(String name, java.util.Set<String> ids, long start, Arrivals arrivals,
                                   java.util.function.ToDoubleFunction<String> latencyMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!arrivals.seenAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long end = arrivals.lastArrival(ids);
        List<Double> latencies = new ArrayList<>();
        ids.forEach(id -> latencies.add(latencyMillis.applyAsDouble(id)));
        Collections.sort(latencies);
        return new Result(name, ids.size(), ids.size() / ((end - start) / 1e9),
                latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)));
    }

    /**
     * Events published by the server's load probe from {@code threads} container threads, {@code perTransaction} per
     * transaction; the clock runs from the probe call to the last stream entry, each latency from the envelope's
     * timestamp.
     */
    private static Result inServer(String name, int events, int threads, int perTransaction, Arrivals arrivals)
            throws Exception {
        String body = "{\"event\":{\"eventType\":\"" + TYPE + "\",\"payload\":{\"projectId\":\"" + UUID.randomUUID()
                + "\"}},\"events\":" + events + ",\"workers\":" + threads + ",\"perTransaction\":" + perTransaction + "}";
        long start = System.nanoTime();
        java.util.Set<String> ids = new java.util.HashSet<>(postForIds("probes/events/load", body, 200,
                Duration.ofMinutes(10), events));
        return measured(name, ids, start, arrivals, arrivals::millisSincePublished);
    }

    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /*
     * The client shares the server's two cores, so it builds bodies and reads ids with plain strings: JSON-P's
     * provider lookup per call would spend the CPU the measurement is about.
     */
    private static List<String> publish(int count) throws Exception {
        StringBuilder body = new StringBuilder(count * 110).append(count == 1 ? "" : "[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"eventType\":\"" + TYPE + "\",\"payload\":{\"tenantId\":\"bench\",\"projectId\":\"")
                    .append(UUID.randomUUID()).append("\"}}");
        }
        body.append(count == 1 ? "" : "]");
        return postForIds(count == 1 ? "api/events" : "api/events/batch", body.toString(), 202, Duration.ofSeconds(60), count);
    }

    /** POSTs a JSON body with the bench token and returns the event ids of the answer, which must be exactly {@code count}. */
    private static List<String> postForIds(String path, String body, int status, Duration timeout, int count) throws Exception {
        HttpResponse<String> response = HeraldProcess.HTTP.send(HttpRequest.newBuilder(URI.create(HeraldProcess.BASE + path))
                .header("Content-Type", "application/json").header("Authorization", authorization).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        List<String> ids = new ArrayList<>(count);
        java.util.regex.Matcher found = ID.matcher(response.body());
        while (found.find()) {
            ids.add(found.group());
        }
        if (ids.size() != count) {
            throw new IllegalStateException("expected " + count + " event ids from " + path + ", got " + ids.size());
        }
        return ids;
    }

    /** Reads the stream as a consumer would (XREAD, blocking) and notes when each event id arrived. */
    private static final class Arrivals {
        private final RStream<String, String> stream;
        /** When an event was read (nanoTime and wall clock) and the envelope's timestamp, parsed only when asked for. */
        private record Arrival(long nanos, long wallMillis, String timestamp) {
        }

        private final Map<String, Arrival> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread reader;

        Arrivals(RStream<String, String> stream) {
            this.stream = stream;
        }

        void start() {
            StreamMessageId from = stream.isExists() && stream.size() > 0
                    ? stream.rangeReversed(1, StreamMessageId.MAX, StreamMessageId.MIN).keySet().iterator().next()
                    : new StreamMessageId(0, 0);
            reader = new Thread(() -> {
                StreamMessageId last = from;
                while (running.get()) {
                    Map<StreamMessageId, Map<String, String>> read = stream.read(
                            StreamReadArgs.greaterThan(last).count(2000).timeout(Duration.ofMillis(200)));
                    long now = System.nanoTime();
                    long wallNow = System.currentTimeMillis();
                    for (Map.Entry<StreamMessageId, Map<String, String>> e : read.entrySet()) {
                        String event = e.getValue().get("event");
                        int at = event.lastIndexOf("\"id\":\"");
                        int stamp = event.lastIndexOf("\"timestamp\":\"");
                        arrived.put(event.substring(at + 6, at + 42), new Arrival(now, wallNow,
                                stamp < 0 ? null : event.substring(stamp + 13, event.indexOf('"', stamp + 13))));
                        last = e.getKey();
                    }
                }
            }, "stream-reader");
            reader.start();
        }

        boolean seenAll(java.util.Set<String> ids) {
            return arrived.keySet().containsAll(ids);
        }

        long arrivedAt(String id) {
            Arrival arrival = arrived.get(id);
            return arrival == null ? Long.MAX_VALUE : arrival.nanos();
        }

        long millisSincePublished(String id) {
            Arrival arrival = arrived.get(id);
            return arrival == null || arrival.timestamp() == null ? Long.MAX_VALUE
                    : arrival.wallMillis() - java.time.Instant.parse(arrival.timestamp()).toEpochMilli();
        }

        long lastArrival(java.util.Set<String> ids) {
            return ids.stream().mapToLong(this::arrivedAt).max().orElse(System.nanoTime());
        }

        void stop() throws InterruptedException {
            running.set(false);
            reader.join();
        }
    }

    private static double rawXadd(RedissonClient redis, int count) {
        RStream<String, String> scratch = redis.getStream("herald:bench:raw:" + UUID.randomUUID(), StringCodec.INSTANCE);
        String envelope = "{\"eventType\":\"" + TYPE + "\",\"payload\":{\"tenantId\":\"bench\",\"projectId\":\""
                + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\"" + UUID.randomUUID()
                + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
        for (int i = 0; i < 1000; i++) {
            scratch.add(StreamAddArgs.entries(Map.of("event", envelope, "channel", "global")));
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            scratch.add(StreamAddArgs.entries(Map.of("event", envelope, "channel", "global")));
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        scratch.delete();
        return rate;
    }
}
