package dev.herald.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.herald.auth.TokenRequest;
import dev.herald.auth.TokenSigner;
import dev.herald.devservices.DevBroker;
import dev.herald.devservices.DevPostgres;
import dev.herald.devservices.DevRedis;
import dev.herald.devservices.DevRedisCluster;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redisson.Redisson;
import org.redisson.api.RBatch;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.api.stream.StreamTrimArgs;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Publish → stream with one Liberty node and with two on a Redis Cluster of three masters, and one node on a single
 * Redis against one on the Cluster, as ratios from one run (issue 17, docs/benchmarks.md "Scale-out: 1 vs 2 nodes,
 * single Redis vs Cluster"). Skipped unless {@code -Dherald.benchmark=true}: the CI stage never runs it, and it asserts
 * no figure (only that every published event reached its stream, without which a rate would mean nothing).
 *
 * <p>The clock of an event runs from the start of its HTTP publish call until a blocking XREAD in this JVM sees it on
 * {@code alga-psa:event-stream:global:PROJECT_CREATED}. PROJECT_CREATED because no consumer shipped in the EAR reacts
 * to it, so no subscriber or workflow work is measured as publishing.
 *
 * <p>Two phases, each on the same two Liberty JVMs, so that every round runs with two servers alive:
 * <ol>
 *   <li>single vs Cluster: node A on the Cluster (queue {@code herald.events}), node B on a single Redis (its own queue
 *   on the same broker, so neither relays the other's events); rounds alternate A, B, B, A, ...;</li>
 *   <li>1 vs 2 nodes: node B restarted on the Cluster and the same queue as A; rounds alternate "both nodes" (clients
 *   split across them) and "node A alone", for which node B is paused ({@code server pause}: its HTTP endpoint and its
 *   MDBs take nothing, so all relaying is A's; B's relay counter is read to show it).</li>
 * </ol>
 * Each configuration has a warm-up of its own that is discarded. Each round prints the load average, the machine's CPU
 * busy share over the round (from /proc/stat) and the CPU time of the nodes, the Redis servers, PostgreSQL and this
 * JVM (broker, clients, readers): all of them share the machine's cores. Raw Redisson XADD loops on the same Cluster
 * and single Redis give the baseline of the same run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutBenchmarkIT {

    static final String TYPE = "PROJECT_CREATED";
    static final String STREAM = "alga-psa:event-stream:global:" + TYPE;
    static final String CLUSTER_QUEUE = "herald.events";
    static final String SINGLE_QUEUE = "herald.events.single-redis";
    static final int BATCH = 100;
    /** Measured rounds per configuration and phase (after its warm-up). */
    static final int ROUNDS = Integer.getInteger("scaleout.bench.rounds", 6);
    static final Mode BATCHES = new Mode("batches of 100", BATCH, Integer.getInteger("scaleout.bench.batch-clients", 4),
            Integer.getInteger("scaleout.bench.events", 8_000));
    static final Mode SINGLES = new Mode("single events", 1, Integer.getInteger("scaleout.bench.single-clients", 8),
            Integer.getInteger("scaleout.bench.singles", 600));
    static final int WARM_UP_MIN = Integer.getInteger("scaleout.bench.warm-up-min", 5);
    static final int WARM_UP_MAX = Integer.getInteger("scaleout.bench.warm-up-max", 12);
    static final double WARM_UP_SPREAD = 0.10;
    static final int RAW_EVENTS = 10_000;
    static final Duration READY = ScaleOutIT.READY;

    /** Neither a tenant nor an idempotency key looks like a UUID: the event ids are read from the answers by pattern. */
    static final Pattern EVENT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    record Mode(String name, int perRequest, int clients, int events) {
    }

    /** One measured round: rate from the first call to the last arrival, latencies per event. */
    record Result(String config, Mode mode, int round, int events, double eventsPerSecond, double p50, double p99,
                  String load, Map<String, Double> cpuSeconds, double seconds, double machineBusy) {

        /** Events per CPU-second the Liberty nodes spent: what a round cost, whatever share of the cores it got. */
        double perNodeCpuSecond() {
            return events / cpuSeconds.entrySet().stream().filter(e -> e.getKey().startsWith("node "))
                    .mapToDouble(Map.Entry::getValue).sum();
        }

        /** The cores' share all of the run's processes got over the round (2.0: both cores). */
        double coresUsed() {
            return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / seconds;
        }
    }

    final String tenant = "bench-" + Long.toHexString(System.nanoTime());
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    final List<Result> results = new ArrayList<>();
    final Map<String, List<Double>> raw = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final long started = System.nanoTime();

    Path data;
    DevPostgres postgres;
    DevBroker broker;
    DevRedisCluster redisCluster;
    DevRedis singleRedis;
    RedissonClient cluster;
    RedissonClient single;
    Arrivals clusterArrivals;
    Arrivals singleArrivals;
    int brokerPort;
    int pgPort;
    Path wlp;
    Path ear;
    LibertyNode nodeA;
    LibertyNode nodeB;
    String authorization;
    int keySequence;

    @BeforeAll
    void startEnginesAndTwoNodes() throws Exception {
        assumeTrue(Boolean.getBoolean("herald.benchmark"), "a benchmark: run with -Dherald.benchmark=true");
        data = Path.of(System.getProperty("scaleout.dataDir", "target/scaleout-data")).toAbsolutePath()
                .resolveSibling("scaleout-benchmark-data");
        ScaleOutIT.deleteRecursively(data);
        Files.createDirectories(data);
        authorization = "Bearer " + TokenSigner.fromPem(Path.of(System.getProperty("herald.it.signing-key")), "herald-dev",
                "herald").sign(new TokenRequest(tenant, "bench@" + tenant, TokenRequest.ALL_GROUPS, Duration.ofHours(4)));
        brokerPort = ScaleOutIT.freePort();
        pgPort = ScaleOutIT.freePort();
        postgres = new DevPostgres(data.resolve("postgres"), pgPort);
        postgres.start();
        broker = new DevBroker(data.resolve("artemis"), brokerPort);
        broker.start();
        redisCluster = DevRedisCluster.start(data.resolve("redis-cluster"), 3);
        // No persistence, as the Cluster's masters: the comparison is of topologies, not of fsync policies.
        singleRedis = DevRedis.ephemeral(data.resolve("redis-single"), ScaleOutIT.freePort());
        singleRedis.start();

        Config clusterConfig = new Config();
        clusterConfig.useClusterServers().addNodeAddress(redisCluster.addresses().toArray(String[]::new));
        clusterConfig.setCodec(StringCodec.INSTANCE);
        cluster = Redisson.create(clusterConfig);
        Config singleConfig = new Config();
        singleConfig.useSingleServer().setAddress(singleAddress());
        singleConfig.setCodec(StringCodec.INSTANCE);
        single = Redisson.create(singleConfig);
        clusterArrivals = new Arrivals("cluster", cluster.getStream(STREAM));
        singleArrivals = new Arrivals("single", single.getStream(STREAM));

        wlp = Path.of(System.getProperty("scaleout.wlp"));
        ear = Path.of(System.getProperty("herald.ear")); // the EAR as built: no probes, nothing but Herald
        nodeA = node(System.getProperty("scaleout.server.a", "scaleA"), true);
        nodeB = node(System.getProperty("scaleout.server.b", "scaleB"), false);
        LibertyNode.startTogether(List.of(nodeA, nodeB), READY);
        System.out.printf("ScaleOutBenchmarkIT: engines and two nodes ready after %.0f s (A on the Cluster, B on a"
                + " single Redis)%n", since(started));
    }

    private LibertyNode node(String name, boolean onCluster) throws IOException {
        LibertyNode node = new LibertyNode(wlp, name, ScaleOutIT.freePort(), ScaleOutIT.freePort())
                .set("broker.port", Integer.toString(brokerPort))
                .set("herald.events.queue", onCluster ? CLUSTER_QUEUE : SINGLE_QUEUE)
                .set("pg.port", Integer.toString(pgPort))
                .set("db", "postgres")
                .set("herald.dev.profile", "true")
                .set("herald.metrics.authentication", "false");
        if (onCluster) {
            node.set("herald.redis.mode", "cluster").set("herald.redis.nodes", String.join(",", redisCluster.addresses()));
        } else {
            node.set("herald.redis.mode", "single").set("herald.redis.address", singleAddress());
        }
        node.configure(ear, "768m");
        return node;
    }

    private String singleAddress() {
        return "redis://127.0.0.1:" + singleRedis.port();
    }

    @AfterAll
    void stopEverything() {
        for (LibertyNode node : new LibertyNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        for (Arrivals arrivals : new Arrivals[] {clusterArrivals, singleArrivals}) {
            if (arrivals != null) {
                arrivals.stop();
            }
        }
        for (RedissonClient client : new RedissonClient[] {cluster, single}) {
            if (client != null) {
                client.shutdown();
            }
        }
        ScaleOutIT.stopAll(postgres, broker, redisCluster, singleRedis);
    }

    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void publishToStreamOnOneAndTwoNodesAndOnSingleRedisAgainstCluster() throws Exception {
        // Phase 1: node A on the Cluster against node B on a single Redis, one loaded at a time.
        for (Mode mode : modes()) {
            warmUp(mode, "1 node, Cluster", List.of(nodeA), clusterArrivals);
            warmUp(mode, "1 node, single Redis", List.of(nodeB), singleArrivals);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            boolean clusterFirst = round % 4 == 1 || round % 4 == 0; // A B B A: a drift of the machine hits both
            for (Mode mode : modes()) {
                for (boolean onCluster : clusterFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    measure(onCluster ? "1 node, Cluster" : "1 node, single Redis", mode, round,
                            List.of(onCluster ? nodeA : nodeB), onCluster ? clusterArrivals : singleArrivals);
                }
            }
            rawXadd("Cluster", cluster);
            rawXadd("single Redis", single);
        }

        // Phase 2: node B on the Cluster and A's queue; "1 node" rounds pause B.
        long restarting = System.nanoTime();
        nodeB = node(nodeB.name(), true); // configure() stops the running server first
        nodeB.start();
        nodeB.awaitReady(READY);
        System.out.printf("ScaleOutBenchmarkIT: %s restarted on the Cluster in %.0f s%n", nodeB.name(), since(restarting));
        for (Mode mode : modes()) { // B alone first: it is the cold one
            warmUp(mode, "node B alone, Cluster", List.of(nodeB), clusterArrivals);
            warmUp(mode, "2 nodes, Cluster", List.of(nodeA, nodeB), clusterArrivals);
        }
        for (int round = 1; round <= ROUNDS; round++) {
            boolean twoFirst = round % 4 == 1 || round % 4 == 0;
            for (boolean two : twoFirst ? new boolean[] {true, false} : new boolean[] {false, true}) {
                if (!two) {
                    pauseNodeB();
                }
                double relayedByA = relayed(nodeA);
                double relayedByB = two ? relayed(nodeB) : 0;
                for (Mode mode : modes()) {
                    measure(two ? "2 nodes, Cluster" : "1 node, Cluster (B paused)", mode, round,
                            two ? List.of(nodeA, nodeB) : List.of(nodeA), clusterArrivals);
                }
                if (two) { // the broker hands each message to any relay session of either node
                    relayedByA = relayed(nodeA) - relayedByA;
                    relayedByB = relayed(nodeB) - relayedByB;
                    notes.add(String.format("round %d, 2 nodes: %s relayed %.0f%% of the events", round, nodeB.name(),
                            100 * relayedByB / (relayedByA + relayedByB)));
                } else {
                    resumeNodeB();
                }
            }
            rawXadd("Cluster", cluster);
        }
        report();
    }

    private static List<Mode> modes() {
        return Stream.of(BATCHES, SINGLES).filter(mode -> mode.events() > 0).toList();
    }

    /** Node B takes no work: Liberty pauses its HTTP endpoint and its MDBs' message endpoints (the relay's). */
    private void pauseNodeB() throws Exception {
        relayedBeforePause = relayed(nodeB);
        server("pause", nodeB);
    }

    private double relayedBeforePause;

    private void resumeNodeB() throws Exception {
        server("resume", nodeB);
        nodeB.awaitReady(Duration.ofMinutes(2));
        double whilePaused = relayed(nodeB) - relayedBeforePause;
        notes.add(String.format("events %s relayed while paused: %.0f", nodeB.name(), whilePaused));
        System.out.printf("ScaleOutBenchmarkIT: %s relayed %.0f events while paused%n", nodeB.name(), whilePaused);
    }

    private void server(String action, LibertyNode node) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, node.name())
                .redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("'server " + action + " " + node.name() + "' failed: " + output);
        }
    }

    /** The node's relay counter for the benchmark's type (MicroProfile Metrics, Prometheus text), summed over tags. */
    private double relayed(LibertyNode node) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(node.base().resolve("metrics?scope=application"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, metrics.statusCode(), "metrics of " + node.name());
        return metrics.body().lines().filter(line -> line.startsWith("herald_relay_relayed") && line.contains(TYPE))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * Rounds of the measured size, discarded, until the nodes' CPU time per event of two in a row differs by less than
     * {@link #WARM_UP_SPREAD} (at least {@link #WARM_UP_MIN}, at most {@link #WARM_UP_MAX} rounds): a Liberty JVM keeps
     * getting cheaper per request for thousands of requests (JIT), and CPU per event, unlike the rate, does not move
     * with the share of the cores the other builds leave.
     */
    private void warmUp(Mode mode, String config, List<LibertyNode> targets, Arrivals arrivals) throws Exception {
        List<String> rates = new ArrayList<>();
        double previous = 0;
        for (int chunk = 1; chunk <= WARM_UP_MAX; chunk++) {
            Result warm = run(config, mode, 0, targets, arrivals);
            rates.add(String.format("%,.0f/s at %,.0f per node CPU-s", warm.eventsPerSecond(), warm.perNodeCpuSecond()));
            boolean steady = Math.abs(warm.perNodeCpuSecond() - previous) < WARM_UP_SPREAD * warm.perNodeCpuSecond();
            previous = warm.perNodeCpuSecond();
            if (chunk >= WARM_UP_MIN && steady) {
                break;
            }
        }
        System.out.printf("ScaleOutBenchmarkIT: warm-up %-28s %-15s (discarded): %s%n", config, mode.name(), rates);
    }

    private void measure(String config, Mode mode, int round, List<LibertyNode> targets, Arrivals arrivals)
            throws Exception {
        Result result = run(config, mode, round, targets, arrivals);
        results.add(result);
        System.out.printf("ScaleOutBenchmarkIT: round %d %-28s %-15s %6d events %,7.0f events/s p50 %7.1f ms p99 %7.1f ms"
                        + "  load %s  machine busy %3.0f%%  our processes %.2f cores: %s%n", round, config, mode.name(),
                result.events(), result.eventsPerSecond(), result.p50(), result.p99(), result.load(),
                100 * result.machineBusy(), result.coresUsed(), cpuLine(result));
    }

    /**
     * Clients each send their share of requests one after the other (the next after the previous answer), client c to
     * node c mod nodes; then waits (at most 5 minutes) until every accepted event is on the stream.
     */
    private Result run(String config, Mode mode, int round, List<LibertyNode> targets, Arrivals arrivals)
            throws Exception {
        arrivals.clear();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        int requests = mode.events() / mode.perRequest();
        String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        long[] busyBefore = machineCpu();
        Map<String, Double> cpuBefore = cpuSeconds();
        ExecutorService clients = Executors.newFixedThreadPool(mode.clients());
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < mode.clients(); c++) {
                LibertyNode target = targets.get(c % targets.size());
                int share = requests / mode.clients() + (c < requests % mode.clients() ? 1 : 0);
                work.add(clients.submit(() -> {
                    for (int r = 0; r < share; r++) {
                        long at = System.nanoTime();
                        for (String id : publish(target, mode.perRequest())) {
                            sentAt.put(id, at);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> each : work) {
                each.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        ScaleOutIT.await(sentAt.size() + " events on " + STREAM + " (" + arrivals.name + ")", Duration.ofMinutes(5),
                () -> arrivals.seenAll(sentAt.keySet()));
        long end = sentAt.keySet().stream().mapToLong(arrivals::arrivedAt).max().orElseThrow();
        Map<String, Double> cpuAfter = cpuSeconds();
        long[] busyAfter = machineCpu();
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAfter.forEach((who, seconds) -> cpu.put(who, seconds - cpuBefore.getOrDefault(who, 0.0)));
        List<Double> latencies = new ArrayList<>(sentAt.size());
        sentAt.forEach((id, at) -> latencies.add((arrivals.arrivedAt(id) - at) / 1e6));
        Collections.sort(latencies);
        double seconds = (end - start) / 1e9;
        double busy = (double) (busyAfter[0] - busyBefore[0]) / Math.max(1, busyAfter[1] - busyBefore[1]);
        trimStreams();
        return new Result(config, mode, round, sentAt.size(), sentAt.size() / seconds,
                latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.99)), load, cpu, seconds,
                busy);
    }

    /**
     * Between rounds, outside the clock, so that Redis holds one round's entries, not every round's. Only the per-type
     * stream, which no consumer group reads; the workflow stream is left to its group.
     */
    private void trimStreams() {
        for (RedissonClient redis : new RedissonClient[] {cluster, single}) {
            redis.getStream(STREAM).trim(StreamTrimArgs.maxLen(0).noLimit());
        }
    }

    /** POSTs one event or a batch; the event ids of the 202 answer, which must name every event. */
    private List<String> publish(LibertyNode node, int count) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(count * 160).append(count == 1 ? "" : "[");
        int first;
        synchronized (this) {
            first = keySequence;
            keySequence += count;
        }
        for (int i = 0; i < count; i++) {
            // Built as a string: JSON-P per event would spend, on the same cores, the CPU the nodes are measured on.
            body.append(i == 0 ? "" : ",").append("{\"eventType\":\"").append(TYPE).append("\",\"idempotencyKey\":\"")
                    .append(tenant).append('-').append(first + i).append("\",\"payload\":{\"tenantId\":\"")
                    .append(tenant).append("\",\"projectId\":\"").append(UUID.randomUUID()).append("\"}}");
        }
        body.append(count == 1 ? "" : "]");
        HttpResponse<String> reply = http.send(HttpRequest.newBuilder(node.base().resolve(count == 1 ? "api/events"
                        : "api/events/batch")).timeout(Duration.ofMinutes(2)).header("Authorization", authorization)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (reply.statusCode() != 202) {
            throw new IllegalStateException(node.name() + " answered " + reply.statusCode() + ": " + reply.body());
        }
        List<String> ids = new ArrayList<>(count);
        Matcher found = EVENT_ID.matcher(reply.body());
        while (found.find()) {
            ids.add(found.group());
        }
        assertEquals(count, ids.size(), "event ids in " + reply.body());
        return ids;
    }

    /** One client, the same envelope size as Herald's: XADD one at a time, then pipelined 100 per round trip. */
    private void rawXadd(String topology, RedissonClient redis) {
        RStream<String, String> scratch = redis.getStream("herald:bench:raw:" + UUID.randomUUID());
        Map<String, String> entry = Map.of("event", "{\"id\":\"" + UUID.randomUUID() + "\",\"eventType\":\"" + TYPE
                + "\",\"timestamp\":\"2026-12-07T12:00:00.000Z\",\"payload\":{\"tenantId\":\"" + tenant
                + "\",\"projectId\":\"" + UUID.randomUUID() + "\"}}", "channel", "global");
        for (int i = 0; i < RAW_EVENTS / 10; i++) { // warms this JVM's client code; not measured
            scratch.add(StreamAddArgs.entries(entry));
        }
        long start = System.nanoTime();
        for (int i = 0; i < RAW_EVENTS; i++) {
            scratch.add(StreamAddArgs.entries(entry));
        }
        raw.computeIfAbsent("raw XADD, one at a time, " + topology, k -> new ArrayList<>())
                .add(RAW_EVENTS / ((System.nanoTime() - start) / 1e9));
        start = System.nanoTime();
        for (int sent = 0; sent < RAW_EVENTS; sent += BATCH) {
            RBatch batch = redis.createBatch();
            for (int i = 0; i < BATCH; i++) {
                batch.<String, String>getStream(scratch.getName()).addAsync(StreamAddArgs.entries(entry));
            }
            batch.execute();
        }
        raw.computeIfAbsent("raw XADD, pipelined 100 per round trip, " + topology, k -> new ArrayList<>())
                .add(RAW_EVENTS / ((System.nanoTime() - start) / 1e9));
        scratch.delete();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void report() {
        System.out.printf("%nScaleOutBenchmarkIT: publish -> stream (%s), %d measured rounds per configuration, %d cores,"
                        + " total %.0f s%n", STREAM, ROUNDS, Runtime.getRuntime().availableProcessors(), since(started));
        for (Mode mode : modes()) {
            System.out.printf("%n  %s (%d clients, %,d events per round):%n", mode.name(), mode.clients(), mode.events());
            Map<String, List<Result>> byConfig = new LinkedHashMap<>();
            results.stream().filter(r -> r.mode().equals(mode))
                    .forEach(r -> byConfig.computeIfAbsent(r.config(), k -> new ArrayList<>()).add(r));
            byConfig.forEach((config, rounds) -> System.out.printf(
                    "    %-28s rounds %s events/s; median %,7.0f events/s, p50 %6.1f ms, p99 %6.1f ms;"
                            + " %,5.0f events per node CPU-second; the run's processes used %.2f cores; load %s%n",
                    config, rounds.stream().map(r -> String.format("%,.0f", r.eventsPerSecond())).toList(),
                    median(rounds, Result::eventsPerSecond), median(rounds, Result::p50), median(rounds, Result::p99),
                    median(rounds, Result::perNodeCpuSecond), median(rounds, Result::coresUsed),
                    rounds.stream().map(Result::load).toList()));
            ratio("2 nodes / 1 node on the Cluster", byConfig.get("2 nodes, Cluster"),
                    byConfig.get("1 node, Cluster (B paused)"));
            ratio("Cluster / single Redis, 1 node", byConfig.get("1 node, Cluster"), byConfig.get("1 node, single Redis"));
        }
        System.out.println();
        raw.forEach((what, rates) -> System.out.printf("  %-50s %s events/s%n", what,
                rates.stream().map(r -> String.format("%,.0f", r)).toList()));
        notes.forEach(note -> System.out.println("  " + note));
    }

    /** Pairs the i-th rounds of both sides (measured next to each other) and the medians. */
    private static void ratio(String what, List<Result> top, List<Result> bottom) {
        if (top == null || bottom == null) {
            return;
        }
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(top.size(), bottom.size()); i++) {
            pairs.add(String.format("%.2f", top.get(i).eventsPerSecond() / bottom.get(i).eventsPerSecond()));
        }
        System.out.printf("    ratio %-34s per round %s, of the medians: rate %.2f, p50 %.2f, p99 %.2f,"
                        + " events per node CPU-second %.2f, cores used %.2f%n", what, pairs,
                median(top, Result::eventsPerSecond) / median(bottom, Result::eventsPerSecond),
                median(top, Result::p50) / median(bottom, Result::p50), median(top, Result::p99) / median(bottom, Result::p99),
                median(top, Result::perNodeCpuSecond) / median(bottom, Result::perNodeCpuSecond),
                median(top, Result::coresUsed) / median(bottom, Result::coresUsed));
    }

    private static double median(List<Result> rounds, java.util.function.ToDoubleFunction<Result> figure) {
        double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static String cpuLine(Result result) {
        StringBuilder line = new StringBuilder();
        result.cpuSeconds().forEach((who, seconds) -> line.append(String.format("%s %.1f s, ", who, seconds)));
        return line.append(String.format("over %.1f s", result.seconds())).toString();
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** CPU seconds so far of the nodes' JVMs, the Redis servers, PostgreSQL and this JVM (broker, clients). */
    private Map<String, Double> cpuSeconds() throws IOException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpu.put("node " + nodeA.name(), cpu(nodeA.jvm().stream()));
        cpu.put("node " + nodeB.name(), cpu(nodeB.jvm().stream()));
        cpu.put("redis", cpu(ProcessHandle.current().descendants()
                .filter(p -> p.info().command().orElse("").contains("redis-server"))));
        // The postmaster (run as the postgres user when this JVM is root, its data directory maybe elsewhere) is
        // known by its port; its backends are its children.
        String postmaster = " -p " + pgPort + " ";
        cpu.put("postgres", cpu(ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains(postmaster))
                .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))));
        cpu.put("test JVM", cpu(Stream.of(ProcessHandle.current())));
        return cpu;
    }

    private static double cpu(Stream<ProcessHandle> processes) {
        return processes.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum() / 1e9;
    }

    /** Busy and total jiffies of the whole machine (first line of /proc/stat): other builds' share included. */
    private static long[] machineCpu() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < fields.length; i++) {
            total += Long.parseLong(fields[i]);
        }
        long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
        return new long[] {total - idle, total};
    }

    /** Reads the stream as a consumer would (XREAD, blocking) and notes when each event id arrived. */
    static final class Arrivals {
        final String name;
        private final RStream<String, String> stream;
        private final Map<String, Long> arrived = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread reader;

        Arrivals(String name, RStream<String, String> stream) {
            this.name = name;
            this.stream = stream;
            reader = new Thread(this::read, "bench-arrivals-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            StreamMessageId last = new StreamMessageId(0, 0);
            while (running.get()) {
                Map<StreamMessageId, Map<String, String>> read = stream.read(
                        StreamReadArgs.greaterThan(last).count(2000).timeout(Duration.ofMillis(200)));
                long now = System.nanoTime();
                for (Map.Entry<StreamMessageId, Map<String, String>> entry : read.entrySet()) {
                    String event = entry.getValue().get("event");
                    int at = event.lastIndexOf("\"id\":\"");
                    arrived.put(event.substring(at + 6, at + 42), now);
                    last = entry.getKey();
                }
            }
        }

        void clear() {
            arrived.clear();
        }

        boolean seenAll(Set<String> ids) {
            return arrived.keySet().containsAll(ids);
        }

        long arrivedAt(String id) {
            return arrived.get(id);
        }

        void stop() {
            running.set(false);
            try {
                reader.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double since(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

}
