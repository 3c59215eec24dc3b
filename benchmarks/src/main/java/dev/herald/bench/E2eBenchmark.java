package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * End to end, publish call to subscriber: events published (over HTTP, or from inside the server through the publish
 * load probe), relayed to Redis, read by Herald's subscriber consumer and delivered to a CDI observer in the same
 * server ({@code bench-arrivals} of the probes' subscribers library, which notes for each event the milliseconds from
 * its envelope's timestamp, taken in the publish call, to its arrival). Four modes: HTTP single events, HTTP batches
 * of 100, in-server single events, in-server batches of 100; the publishers are spread over {@code tenants} tenants
 * (one token per tenant; tenants are the subscribers' ordering key). Then the subscriber alone: entries XADDed
 * straight to a stream of their own, of {@code tenants} tenants interleaved, delivered to a no-op observer
 * ({@code bench-no-op}) with each tenant's order checked in the observer. Next to same-run baselines: raw Redisson
 * XADD from one client, and a raw XREADGROUP (100) + XACK loop over the same entries. Never fails a build: it is not
 * part of one.
 *
 * <p>Starts Herald with {@code mvn -Prun,probes package} and {@code herald.bench.subscribers=true} (needs ports
 * 9080, 61616 and 6379 free). Usage: {@code E2eBenchmark <project root> [single events] [batches of 100] [client
 * threads] [warm-up events] [server threads] [tenants] [no-op entries]}.
 */
public final class E2eBenchmark {

    private static final String TYPE = "PROJECT_CREATED";
    private static final String NO_OP_STREAM = "alga-psa:event-stream:bench-delivery:TICKET_CREATED";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern ARRIVAL = Pattern.compile("\"([0-9a-f-]{36})\":(-?\\d+)");

    private static final List<String> tokens = new ArrayList<>();
    private static String operator;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int singles = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 32;
        int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 10_000;
        int serverThreads = args.length > 5 ? Integer.parseInt(args[5]) : 16;
        int tenants = args.length > 6 ? Integer.parseInt(args[6]) : 16;
        int noOpEntries = args.length > 7 ? Integer.parseInt(args[7]) : 50_000;
        for (int t = 0; t < tenants; t++) {
            tokens.add(HeraldProcess.authorization(root, "bench-" + t));
        }
        operator = HeraldProcess.authorization(root, "platform", List.of(dev.herald.auth.Groups.OPERATOR));
        try (HeraldProcess herald = HeraldProcess.start(root,
                HeraldProcess.runProperties("-Pprobes", "-Dliberty.bootstrap.herald.bench.subscribers=true"))) {
            herald.awaitReady();
            Config config = new Config();
            config.useSingleServer().setAddress("redis://127.0.0.1:6379");
            RedissonClient redis = Redisson.create(config);
            try {
                http("warm-up, HTTP single events", warmUp, 1, threads);
                Result single = http("HTTP single events", singles, 1, threads);
                http("warm-up, HTTP batches", 5 * warmUp, 100, Math.min(threads, 4));
                Result batched = http("HTTP batches of 100", batches * 100, 100, Math.min(threads, 4));
                inServer("warm-up, in-server single events", warmUp, serverThreads, 1, tenants);
                Result inServer = inServer("in-server single events", singles, serverThreads, 1, tenants);
                inServer("warm-up, in-server batches", 5 * warmUp, 4, 100, tenants);
                Result inServerBatched = inServer("in-server batches of 100", batches * 100, 4, 100, tenants);
                noOp(redis, Math.min(noOpEntries, 10_000), tenants); // warm-up
                double[] delivery = noOp(redis, noOpEntries, tenants);
                double raw = rawXadd(redis, 20_000);
                System.out.printf("%nPublish call -> relay -> Herald's subscriber -> CDI observer in the same server"
                        + " (%d HTTP client threads, %d tenants)%n", threads, tenants);
                single.print();
                batched.print();
                inServer.print();
                inServerBatched.print();
                System.out.printf("  baseline: raw Redisson XADD, one client             %,10.0f events/s%n", raw);
                System.out.printf("%nSubscriber alone: %,d entries of %d tenants XADDed to %s%n", noOpEntries, tenants, NO_OP_STREAM);
                System.out.printf("  Herald -> no-op observer, order per tenant checked (%,.0f out of order)   %,10.0f events/s%n",
                        delivery[1], delivery[0]);
                System.out.printf("  baseline: raw XREADGROUP (100) + XACK loop, same entries                   %,10.0f events/s%n",
                        delivery[2]);
            } finally {
                redis.shutdown();
            }
        }
    }

    private record Result(String name, int events, double eventsPerSecond, double p50, double p99, long outOfOrder) {
        void print() {
            System.out.printf("  %-28s %7d events %,10.0f events/s   publish call -> observer p50 %6.0f ms  p99 %6.0f ms"
                    + "   out of order %d%n", name, events, eventsPerSecond, p50, p99, outOfOrder);
        }
    }

    /** Events published over HTTP by {@code threads} clients, each with a tenant's token (thread t: tenant t mod n). */
    private static Result http(String name, int events, int perRequest, int threads) throws Exception {
        reset("arrivals");
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        long start = System.currentTimeMillis();
        ClientThreads.run(threads, events / perRequest, (thread, requests) -> {
            String token = tokens.get(thread % tokens.size());
            for (int r = 0; r < requests; r++) {
                ids.addAll(publish(token, perRequest));
            }
        });
        return measured(name, ids, start);
    }

    private static List<String> publish(String token, int count) throws Exception {
        return publish(token, TYPE, "projectId", count);
    }

    /**
     * Publishes {@code count} events of {@code type} over HTTP (one event, or a batch), each payload naming a new id
     * in {@code idField}, and returns their ids. Bodies are built as strings: the client shares the server's cores.
     */
    static List<String> publish(String token, String type, String idField, int count) throws Exception {
        StringBuilder body = new StringBuilder(count * 90).append(count == 1 ? "" : "[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append("{\"eventType\":\"").append(type).append("\",\"payload\":{\"")
                    .append(idField).append("\":\"").append(UUID.randomUUID()).append("\"}}");
        }
        body.append(count == 1 ? "" : "]");
        return idsOf(post(token, count == 1 ? "api/events" : "api/events/batch", body.toString(), 202,
                Duration.ofSeconds(60)), count);
    }

    /**
     * Events published by the server's load probe, one call per tenant at once (each from {@code threads / tenants}
     * container threads, at least one), {@code perTransaction} per transaction.
     */
    private static Result inServer(String name, int events, int threads, int perTransaction, int tenants) throws Exception {
        reset("arrivals");
        int calls = Math.min(tenants, events / perTransaction);
        int workers = Math.max(1, threads / calls);
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        long start = System.currentTimeMillis();
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < calls; c++) {
            int share = events / calls + (c < events % calls ? 1 : 0);
            String token = tokens.get(c);
            work.add(callers.submit(() -> {
                String body = "{\"event\":{\"eventType\":\"" + TYPE + "\",\"payload\":{\"projectId\":\"" + UUID.randomUUID()
                        + "\"}},\"events\":" + share + ",\"workers\":" + Math.min(workers, share) + ",\"perTransaction\":"
                        + perTransaction + "}";
                ids.addAll(idsOf(post(token, "probes/events/load", body, 200, Duration.ofMinutes(10)), share));
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        callers.shutdown();
        return measured(name, ids, start);
    }

    /** Waits (at most 5 minutes) until bench-arrivals saw every id; the rate from {@code start} to the last arrival. */
    private static Result measured(String name, Set<String> ids, long start) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Tally tally;
        do {
            Thread.sleep(200);
            tally = tally("arrivals");
        } while (!tally.arrivals.keySet().containsAll(ids) && System.nanoTime() < deadline);
        List<Double> latencies = new ArrayList<>();
        for (String id : ids) {
            Long latency = tally.arrivals.get(id);
            latencies.add(latency == null ? Double.POSITIVE_INFINITY : latency);
        }
        Collections.sort(latencies);
        return new Result(name, ids.size(), ids.size() / ((tally.lastAt - start) / 1e3),
                latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)), tally.outOfOrder);
    }

    /**
     * XADDs {@code count} TICKET_CREATED entries of {@code tenants} tenants, interleaved, to the no-op subscriber's
     * stream (pipelined, 1,000 per batch), waits until it has seen them all, then runs the raw loop over them.
     *
     * @return delivery rate (from the first XADD to the last arrival), out-of-order arrivals, raw loop rate
     */
    private static double[] noOp(RedissonClient redis, int count, int tenants) throws Exception {
        reset("no-op");
        List<String> tenantIds = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            tenantIds.add(UUID.randomUUID().toString());
        }
        RStream<String, String> stream = redis.getStream(NO_OP_STREAM, StringCodec.INSTANCE);
        String rawGroup = "bench-raw-" + UUID.randomUUID();
        stream.createGroup(StreamCreateGroupArgs.name(rawGroup).id(StreamMessageId.NEWEST).makeStream());
        long start = System.currentTimeMillis();
        for (int from = 0; from < count; from += 1000) {
            RBatch batch = redis.createBatch(BatchOptions.defaults());
            var target = batch.<String, String>getStream(NO_OP_STREAM, StringCodec.INSTANCE);
            for (int i = from; i < Math.min(count, from + 1000); i++) {
                target.addAsync(StreamAddArgs.entries(Map.of("event", "{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\""
                        + tenantIds.get(i % tenants) + "\",\"ticketId\":\"" + UUID.randomUUID()
                        + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\"" + UUID.randomUUID()
                        + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}", "channel", "bench-delivery")));
            }
            batch.execute();
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        Tally tally;
        do {
            Thread.sleep(200);
            tally = tally("no-op");
        } while (tally.delivered < count && System.nanoTime() < deadline);
        double rate = tally.delivered / ((tally.lastAt - start) / 1e3);

        long rawStart = System.nanoTime();
        int seen = 0;
        while (seen < count) {
            Map<StreamMessageId, Map<String, String>> read = stream.readGroup(rawGroup, "raw",
                    StreamReadGroupArgs.neverDelivered().count(100).timeout(Duration.ofMillis(100)));
            if (read.isEmpty()) {
                break;
            }
            stream.ack(rawGroup, read.keySet().toArray(StreamMessageId[]::new));
            seen += read.size();
        }
        double raw = seen / ((System.nanoTime() - rawStart) / 1e9);
        stream.removeGroup(rawGroup);
        return new double[] {rate, tally.outOfOrder, raw};
    }

    private record Tally(long delivered, long outOfOrder, long lastAt, Map<String, Long> arrivals) {
    }

    /** Reads a bench subscriber's tally; the answer is parsed with patterns, as it may hold 100,000 arrivals. */
    private static Tally tally(String name) throws Exception {
        String body = get("probes/subscribe/bench/" + name);
        Map<String, Long> arrivals = new HashMap<>();
        Matcher m = ARRIVAL.matcher(body);
        while (m.find()) {
            arrivals.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return new Tally(number(body, "delivered"), number(body, "outOfOrder"), number(body, "lastAt"), arrivals);
    }

    private static long number(String body, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?\\d+)").matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + body.substring(0, Math.min(200, body.length())));
        }
        return Long.parseLong(m.group(1));
    }

    private static void reset(String name) throws Exception {
        post(operator, "probes/subscribe/bench/" + name + "/reset", "{}", 204, Duration.ofSeconds(30));
    }

    private static String get(String path) throws Exception {
        return get(operator, path);
    }

    /** A GET that must answer 200 (shared with {@link WorkflowTriggerBenchmark}). */
    static String get(String token, String path) throws Exception {
        HttpResponse<String> response = HeraldProcess.HTTP.send(HttpRequest.newBuilder(URI.create(HeraldProcess.BASE + path))
                .header("Authorization", token).timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String post(String token, String path, String body, int status, Duration timeout) throws Exception {
        HttpResponse<String> response = HeraldProcess.HTTP.send(HttpRequest.newBuilder(URI.create(HeraldProcess.BASE + path))
                .header("Content-Type", "application/json").header("Authorization", token).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static List<String> idsOf(String body, int count) {
        List<String> ids = new ArrayList<>(count);
        Matcher found = ID.matcher(body);
        while (found.find()) {
            ids.add(found.group());
        }
        if (ids.size() != count) {
            throw new IllegalStateException("expected " + count + " event ids, got " + ids.size());
        }
        return ids;
    }

    static double rawXadd(RedissonClient redis, int count) {
        RStream<String, String> scratch = redis.getStream("herald:bench:raw:" + UUID.randomUUID(), StringCodec.INSTANCE);
        String envelope = "{\"eventType\":\"" + TYPE + "\",\"payload\":{\"tenantId\":\"" + UUID.randomUUID()
                + "\",\"projectId\":\"" + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\""
                + UUID.randomUUID() + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
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
