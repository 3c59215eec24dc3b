package dev.herald.scaleout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.auth.TokenRequest;
import dev.herald.auth.TokenSigner;
import dev.herald.devservices.DevBrokerPair;
import dev.herald.devservices.DevPostgres;
import dev.herald.devservices.DevRedisCluster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.StreamConsumer;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * The scale-out stage: two Liberty servers running the built EAR on one PostgreSQL, a replicated Artemis primary/backup
 * pair (each broker its own JVM, {@link DevBrokerPair}; the nodes name both, with HA on) and a Redis Cluster of three
 * masters ({@code herald.redis.mode=cluster}), everything on 127.0.0.1 and free ports. Both nodes start at once on an
 * empty database; then 10,000 events are published through both while one node is killed with SIGKILL and restarted,
 * and each guarantee Herald makes across nodes is asserted by a test named after it (docs/operations.md "Several
 * nodes"). Last, the primary broker is killed with SIGKILL while both nodes publish, the guarantees are asserted
 * again for what was published across the broker failover, and a node restarted after it must work on the backup.
 *
 * <p>The tests run in order and share the nodes: the first ones check the start, the load test publishes, the rest
 * check what the load left on the streams, in the delivery ledger and in the workflow tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    /** Two servers deploying at once on two shared cores. */
    static final Duration READY = Duration.ofMinutes(6);
    /** From the last accepted batch until every stream, subscriber and workflow has caught up. */
    static final Duration DRAIN = Duration.ofMinutes(5);
    static final int EVENTS = Integer.getInteger("scaleout.events", 10_000);
    static final int BATCH = 100;
    static final int PUBLISHERS = 2;
    /** Few aggregates, so that each batch holds ten events of each of a client's aggregates. */
    static final int AGGREGATES = 20;
    /** Every fifth event is a TICKET_CREATED (spread over the aggregates): it starts a ticket-lifecycle execution. */
    static final int TICKET_EVERY = 5;
    /** The subscriber's own channel; both nodes trim its streams to this length every second. */
    static final String SUBSCRIBED_CHANNEL = "scaleout";
    /**
     * Consecutive events of an aggregate alternate between two channel sets, so the publisher gives each its own JMS
     * message (it starts a new message where the channels change): a batch is 100 messages committed at once, which
     * the 16 relay sessions of the two nodes take in parallel. Only the aggregate's JMS group keeps them in order.
     */
    static final List<List<String>> CHANNEL_SETS = List.of(List.of("global", SUBSCRIBED_CHANNEL),
            List.of("global", SUBSCRIBED_CHANNEL, "scaleout-alternate"));
    static final int RETAINED = 500;
    static final int SUBSCRIBER_BATCH = 20;
    static final List<String> TYPES = List.of("TICKET_CREATED", "PROJECT_CREATED");
    static final String WORKFLOW_STREAM = "workflow:events:global";
    static final String WORKFLOW_GROUP = "workflow-runtime-v2";
    static final String SUBSCRIBER_GROUP = "herald-subscribers";
    static final String NETTY_CONNECTOR = "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory";
    /** Published across the broker failover, by the same two clients, 30% of them before the primary is killed. */
    static final int FAILOVER_EVENTS = Math.max(EVENTS * 3 / 10, 2 * BATCH);
    /** The failover's events alternate between these, so that each is its own JMS message (as {@link #CHANNEL_SETS}). */
    static final List<List<String>> FAILOVER_CHANNEL_SETS = List.of(List.of("global"),
            List.of("global", "scaleout-failover"));

    final String tenant = UUID.randomUUID().toString();
    final Map<String, Duration> timings = new LinkedHashMap<>();
    final long stageStarted = System.nanoTime();

    DevPostgres postgres;
    DevBrokerPair brokers;
    DevRedisCluster redisCluster;
    int pgPort;
    LibertyNode nodeA;
    LibertyNode nodeB;
    RedissonClient redis;
    Thread cleanup;
    TokenSigner signer;

    /** What the load test published, for the tests after it. */
    Load load;

    record Load(Map<String, Integer> aggregateOf, Map<String, String> typeOf, List<List<String>> publishOrder,
                Instant killedAt, String killedNode, int failedAttempts) {
        Set<String> ids(String type) {
            return typeOf.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
        }
    }

    /**
     * What one test's clients publish and have accepted: each client's events in batches, {@link #AGGREGATES}
     * aggregates spread over the clients (each aggregate's events from one client, in order), one in
     * {@link #TICKET_EVERY} a TICKET_CREATED, the channel sets alternating per aggregate; and per accepted event id
     * its aggregate and type, per aggregate its ids in publish order.
     */
    private static final class Accepted {
        private final String tenant;
        private final List<List<String>> channelSets;
        private final String keyPrefix;
        private final AtomicInteger count = new AtomicInteger();
        private final Map<String, Integer> aggregateOf = new ConcurrentHashMap<>();
        private final Map<String, String> typeOf = new ConcurrentHashMap<>();
        private final List<List<String>> publishOrder = new ArrayList<>();

        Accepted(String tenant, List<List<String>> channelSets, String keyPrefix) {
            this.tenant = tenant;
            this.channelSets = channelSets;
            this.keyPrefix = keyPrefix;
            for (int a = 0; a < AGGREGATES; a++) {
                publishOrder.add(java.util.Collections.synchronizedList(new ArrayList<>()));
            }
        }

        /** Client {@code client}'s batch of its events {@code from} on (of {@code perClient}), until it is accepted. */
        void publishBatch(Publisher publisher, int client, int from, int perClient) throws InterruptedException {
            List<JsonObject> events = new ArrayList<>();
            List<Integer> aggregates = new ArrayList<>();
            for (int k = from; k < Math.min(from + BATCH, perClient); k++) {
                int aggregate = client + PUBLISHERS * (k % (AGGREGATES / PUBLISHERS));
                int nthOfAggregate = k / (AGGREGATES / PUBLISHERS);
                String type = (k + nthOfAggregate) % TICKET_EVERY == 0 ? "TICKET_CREATED" : "PROJECT_CREATED";
                events.add(event(tenant, type, tenant + ":aggregate:" + aggregate, channelSets.get(nthOfAggregate % 2),
                        keyPrefix + client + "-" + k));
                aggregates.add(aggregate);
            }
            List<String> ids = publisher.publish(Publisher.batch(events), from / BATCH + client);
            for (int i = 0; i < ids.size(); i++) {
                aggregateOf.put(ids.get(i), aggregates.get(i));
                typeOf.put(ids.get(i), events.get(i).getString("eventType"));
                publishOrder.get(aggregates.get(i)).add(ids.get(i));
            }
            count.addAndGet(ids.size());
        }

        int count() {
            return count.get();
        }

        int distinctIds() {
            return typeOf.size();
        }

        Load load(Instant killedAt, String killed, int failedAttempts) {
            return new Load(Map.copyOf(aggregateOf), Map.copyOf(typeOf), publishOrder, killedAt, killed, failedAttempts);
        }
    }

    @BeforeAll
    void startEnginesAndBothNodesAtOnce() throws Exception {
        cleanup = new Thread(this::stopEverything, "scaleout-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Path data = Path.of(System.getProperty("scaleout.dataDir", "target/scaleout-data")).toAbsolutePath();
        deleteRecursively(data);
        Files.createDirectories(data);
        signer = TokenSigner.fromPem(Path.of(System.getProperty("herald.it.signing-key")), "herald-dev", "herald");

        long started = System.nanoTime();
        pgPort = freePort();
        postgres = new DevPostgres(data.resolve("postgres"), pgPort);
        postgres.start();
        brokers = new DevBrokerPair(data.resolve("artemis"), freePort(), freePort());
        brokers.start(Duration.ofMinutes(2));
        redisCluster = DevRedisCluster.start(data.resolve("redis-cluster"), 3);
        String redisNodes = String.join(",", redisCluster.addresses());
        try (Connection db = database(); Statement ddl = db.createStatement()) {
            ddl.execute("CREATE TABLE SCALEOUT_DELIVERY (EVENT_ID VARCHAR(64) NOT NULL, EVENT_TYPE VARCHAR(100) NOT NULL,"
                    + " TENANT_ID VARCHAR(64) NOT NULL, NODE VARCHAR(100) NOT NULL, ENTRY_ID VARCHAR(64) NOT NULL,"
                    + " DELIVERED_AT TIMESTAMP NOT NULL)");
        }
        Config config = new Config();
        config.useClusterServers().addNodeAddress(redisCluster.addresses().toArray(String[]::new));
        config.setCodec(StringCodec.INSTANCE);
        redis = Redisson.create(config);
        timings.put("engines (PostgreSQL, an Artemis pair in sync, a Redis Cluster of 3 masters)", since(started));

        Path wlp = Path.of(System.getProperty("scaleout.wlp"));
        Path ear = ScaleOutEar.build(Path.of(System.getProperty("herald.ear")),
                Path.of(System.getProperty("herald.probes.subscribers")), data.resolve("herald.ear"));
        nodeA = node(wlp, System.getProperty("scaleout.server.a", "scaleA"), redisNodes, ear);
        nodeB = node(wlp, System.getProperty("scaleout.server.b", "scaleB"), redisNodes, ear);

        started = System.nanoTime();
        LibertyNode.startTogether(List.of(nodeA, nodeB), READY);
        timings.put("both nodes started together on an empty database, until ready", since(started));
    }

    private LibertyNode node(Path wlp, String name, String redisNodes, Path ear) throws IOException {
        LibertyNode node = new LibertyNode(wlp, name, freePort(), freePort())
                // The broker pair through configuration alone (docs/operations.md "An external Artemis broker").
                .set("herald.broker.connector-classes", NETTY_CONNECTOR + "," + NETTY_CONNECTOR)
                .set("herald.broker.connection-parameters", brokers.connectionParameters())
                .set("herald.broker.ha", "true")
                .set("herald.redis.mode", "cluster")
                .set("herald.redis.nodes", redisNodes)
                .set("pg.port", Integer.toString(pgPort))
                .set("db", "postgres")
                .set("herald.dev.profile", "true")
                .set("herald.probes.scaleout", "true")
                // Entries a killed node read but did not acknowledge are claimed by the other node after this long.
                .set("herald.subscribe.claim-idle", "PT5S")
                .set("herald.subscribe.batch-size", Integer.toString(SUBSCRIBER_BATCH))
                .set("herald.workflow.stream-claim-idle", "PT5S")
                .set("herald.workflow.claim-timeout", "PT5S")
                // Retention on both nodes, every second, on the subscriber's channel only (the global streams are
                // checked entry by entry and must keep every entry).
                .set("herald.retention.max-length", Integer.toString(RETAINED))
                .set("herald.retention.interval", "PT1S")
                .set("herald.retention.channels", SUBSCRIBED_CHANNEL)
                .set("herald.tail.keep-alive", "PT1S");
        node.configure(ear, "768m");
        return node;
    }

    @AfterAll
    void stopEverything() {
        for (LibertyNode node : new LibertyNode[] {nodeA, nodeB}) {
            if (node != null) {
                node.close();
            }
        }
        nodeA = null;
        nodeB = null;
        if (redis != null) {
            redis.shutdown();
            redis = null;
        }
        stopAll(postgres, brokers, redisCluster);
        postgres = null;
        brokers = null;
        redisCluster = null;
        if (cleanup != null && Thread.currentThread() != cleanup) {
            removeShutdownHook(cleanup);
            timings.put("stage in total", since(stageStarted));
            System.out.println("ScaleOutIT timings:");
            timings.forEach((phase, took) -> System.out.printf("  %-75s %6.1f s%n", phase, took.toMillis() / 1000.0));
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * Liquibase's lock and the catalog seeding's unique keys make two nodes starting at once on an empty database
     * safe: both came up ready (the setup asserts it), every changeset ran once, the catalog holds each entry once.
     */
    @Test
    @Order(1)
    void bothNodesStartedTogetherOnAnEmptyDatabaseMigrateAndSeedItOnce() throws SQLException {
        try (Connection db = database()) {
            List<String> twice = strings(db, "SELECT ID || ' ' || FILENAME FROM DATABASECHANGELOG GROUP BY ID, AUTHOR,"
                    + " FILENAME HAVING COUNT(*) > 1");
            assertEquals(List.of(), twice, "changesets recorded more than once");
            List<String> ran = strings(db, "SELECT ID FROM DATABASECHANGELOG");
            assertTrue(ran.size() > 1, "the migrations ran: " + ran);
            assertEquals(List.of("false"), strings(db, "SELECT CAST(LOCKED AS VARCHAR) FROM DATABASECHANGELOGLOCK"),
                    "Liquibase's lock is released");
            List<String> seededTwice = strings(db, "SELECT TENANT_ID || ' ' || EVENT_TYPE FROM HERALD_CATALOG_ENTRY"
                    + " GROUP BY TENANT_ID, EVENT_TYPE HAVING COUNT(*) > 1");
            assertEquals(List.of(), seededTwice, "catalog entries seeded twice");
            assertTrue(strings(db, "SELECT EVENT_TYPE FROM HERALD_CATALOG_ENTRY").size() >= 280,
                    "the shipped catalog is seeded");
        }
    }

    /** The relay of one node writes to Redis, the live tail of the other reads it there: one tail sees both nodes. */
    @Test
    @Order(2)
    void theLiveTailOfOneNodeShowsEventsPublishedOnTheOther() throws Exception {
        String tailTenant = UUID.randomUUID().toString();
        String token = token(tailTenant);
        BlockingQueue<String> ids = new LinkedBlockingQueue<>();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<Stream<String>> tail = http.send(HttpRequest.newBuilder(nodeA.base().resolve("api/tail"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, tail.statusCode(), "the tail on " + nodeA.name());
        Thread reader = new Thread(() -> {
            try {
                tail.body().filter(line -> line.startsWith("id:")).forEach(line -> ids.add(line.substring(3).strip()));
            } catch (java.io.UncheckedIOException closed) {
                // the test closed the tail (finally below); what it read is already in the queue
            }
        }, "scaleout-tail-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            List<JsonObject> events = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                events.add(event(tailTenant, "PROJECT_CREATED", "tail:" + i, List.of("scaleout-tail"), "tail-" + i));
            }
            // Only to node B: a failure here is a failure, not something to retry elsewhere.
            List<String> published = new Publisher(List.of(nodeB), token).publish(Publisher.batch(events), 0);
            Set<String> awaited = new HashSet<>(published);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!awaited.isEmpty() && System.nanoTime() < deadline) {
                String id = ids.poll(1, TimeUnit.SECONDS);
                if (id != null) {
                    awaited.remove(id);
                }
            }
            assertEquals(Set.of(), awaited, "events published on " + nodeB.name() + " missing on " + nodeA.name()
                    + "'s live tail");
        } finally {
            tail.body().close();
            reader.interrupt();
        }
    }

    /**
     * 10,000 events in batches of 100 (each event its own JMS message, {@link #CHANNEL_SETS}), alternating nodes, two
     * clients each keeping its aggregates' order; at 30% of
     * the events node B's JVM is killed with SIGKILL and started again; the last 30% go out once it is ready again,
     * so the restarted node publishes, relays and consumes too. A batch refused by the dead node is sent to the other
     * with the same idempotency keys. Every batch must end up accepted.
     */
    @Test
    @Order(3)
    void publishingThroughBothNodesWhileOneIsKilledAndRestartedAcceptsEveryBatch() throws Exception {
        Publisher publisher = new Publisher(List.of(nodeA, nodeB), token(tenant));
        int perPublisher = EVENTS / PUBLISHERS;
        Accepted accepted = new Accepted(tenant, CHANNEL_SETS, "scaleout-");
        CountDownLatch restarted = new CountDownLatch(1);
        Instant[] killedAt = new Instant[1];
        long[] phase = new long[4];

        ExecutorService clients = Executors.newFixedThreadPool(PUBLISHERS + 1);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int client = p;
                work.add(clients.submit(() -> {
                    for (int from = 0; from < perPublisher; from += BATCH) {
                        if (from >= perPublisher * 7 / 10 && !restarted.await(READY.toMinutes() + 2, TimeUnit.MINUTES)) {
                            throw new AssertionError(nodeB.name() + " did not come back in time");
                        }
                        accepted.publishBatch(publisher, client, from, perPublisher);
                    }
                    return null;
                }));
            }
            work.add(clients.submit(() -> {
                await("30% of the events accepted", Duration.ofMinutes(5), () -> accepted.count() >= EVENTS * 3 / 10);
                phase[0] = System.nanoTime();
                phase[1] = accepted.count();
                long pid = nodeB.kill();
                killedAt[0] = Instant.now();
                System.out.printf("ScaleOutIT: SIGKILL to %s (pid %d) after %d accepted events%n", nodeB.name(), pid,
                        accepted.count());
                long restarting = System.nanoTime();
                nodeB.start();
                nodeB.awaitReady(READY);
                timings.put(nodeB.name() + " restarted after SIGKILL, until ready", since(restarting));
                phase[2] = System.nanoTime();
                phase[3] = accepted.count();
                restarted.countDown();
                return null;
            }));
            for (Future<?> each : work) {
                each.get(20, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
            restarted.countDown();
        }
        long ended = System.nanoTime();
        timings.put("publishing " + EVENTS + " events (with the kill and restart)", Duration.ofNanos(ended - started));
        double bothUp = phase[1] / ((phase[0] - started) / 1e9);
        double afterRestart = (EVENTS - phase[3]) / ((ended - phase[2]) / 1e9);
        System.out.printf("ScaleOutIT throughput: %.0f events/s through 2 nodes before the kill (%d events),"
                        + " %.0f events/s after the restart (%d events); %d failed attempts retried on the other node%n",
                bothUp, phase[1], afterRestart, EVENTS - phase[3], publisher.failedAttempts.get());
        assertEquals(EVENTS, accepted.count(), "every batch accepted");
        assertEquals(EVENTS, accepted.distinctIds(), "one event id per accepted event (a repeated key answers with its event)");
        load = accepted.load(killedAt[0], nodeB.name(), publisher.failedAttempts.get());

        long draining = System.nanoTime();
        await("every accepted event on the streams, delivered and its workflow started", DRAIN, () -> drained());
        timings.put("until streams, subscriber and workflows caught up", since(draining));
    }

    private boolean drained() {
        for (String type : TYPES) {
            if (redis.getStream(globalStream(type)).size() < load.ids(type).size()) {
                return false;
            }
        }
        try (Connection db = database()) {
            return count(db, "SELECT COUNT(DISTINCT EVENT_ID) FROM SCALEOUT_DELIVERY WHERE TENANT_ID = ?", tenant) >= EVENTS
                    && count(db, "SELECT COUNT(*) FROM HERALD_WF_EXECUTION WHERE TENANT_ID = ? AND WORKFLOW_NAME ="
                    + " 'ticket-lifecycle'", tenant) >= load.ids("TICKET_CREATED").size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The relay's dedupe (and the idempotency keys of the retried batches): no accepted event lost, none twice. */
    @Test
    @Order(4)
    void everyAcceptedEventIsOnItsStreamExactlyOnce() {
        Load published = published();
        for (String type : TYPES) {
            assertExactlyOnce(globalStream(type), idsOnStream(globalStream(type)), published.ids(type));
        }
        assertExactlyOnce(WORKFLOW_STREAM, idsOnStream(WORKFLOW_STREAM), published.typeOf().keySet());
    }

    /** The publisher's JMSXGroupID per aggregate holds across the relays of two nodes and the kill of one. */
    @Test
    @Order(5)
    void perAggregateOrderHoldsOnTheStreamsAcrossNodes() {
        Load published = published();
        for (String stream : List.of(globalStream("TICKET_CREATED"), globalStream("PROJECT_CREATED"), WORKFLOW_STREAM)) {
            assertEquals(List.of(), aggregatesOutOfOrder(stream, tenant, published),
                    "aggregates whose events are out of publish order on " + stream);
        }
    }

    /** The aggregates whose events are on the stream in another order than they were accepted in. */
    private List<String> aggregatesOutOfOrder(String stream, String tenantId, Load published) {
        List<String> onStream = idsOnStream(stream, tenantId);
        Set<String> present = new HashSet<>(onStream);
        Map<Integer, List<String>> byAggregate = new HashMap<>();
        for (String id : onStream) {
            Integer aggregate = published.aggregateOf().get(id);
            if (aggregate != null) {
                byAggregate.computeIfAbsent(aggregate, a -> new ArrayList<>()).add(id);
            }
        }
        List<String> outOfOrder = new ArrayList<>();
        for (int a = 0; a < AGGREGATES; a++) {
            List<String> expected = published.publishOrder().get(a).stream().filter(present::contains).toList();
            if (!expected.equals(byAggregate.getOrDefault(a, List.of()))) {
                outOfOrder.add("aggregate " + a);
            }
        }
        return outOfOrder;
    }

    /**
     * What Herald guarantees a subscriber: at least once, and once only, thanks to the delivery ledger (the handled
     * marks), except for a delivery its node made but died before marking handled: another node then delivers it
     * again. So every accepted event is delivered, and an event delivered twice was first delivered by the killed
     * node, before the kill, one of at most a read's worth of entries per stream.
     */
    @Test
    @Order(6)
    void eachSubscriberDeliveryHappensOnceUnlessItsNodeDiedBeforeMarkingItHandled() throws SQLException {
        Load published = published();
        Map<String, List<String>> deliveries = new HashMap<>(); // event id -> "node at" in delivery order
        Map<String, String> firstBy = new HashMap<>();
        Map<String, Instant> firstAt = new HashMap<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT EVENT_ID, NODE,"
                + " DELIVERED_AT FROM SCALEOUT_DELIVERY WHERE TENANT_ID = ? ORDER BY DELIVERED_AT")) {
            query.setString(1, tenant);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    Instant at = rows.getTimestamp(3).toInstant();
                    deliveries.computeIfAbsent(id, i -> new ArrayList<>()).add(rows.getString(2) + " at " + at);
                    firstBy.putIfAbsent(id, rows.getString(2));
                    firstAt.putIfAbsent(id, at);
                }
            }
        }
        Set<String> missing = new TreeSet<>(published.typeOf().keySet());
        missing.removeAll(deliveries.keySet());
        assertEquals(Set.of(), missing, "accepted events never delivered to the subscriber (at least once)");
        Set<String> unknown = new TreeSet<>(deliveries.keySet());
        unknown.removeAll(published.typeOf().keySet());
        assertEquals(Set.of(), unknown, "deliveries of events the test did not publish");

        Map<String, List<String>> repeated = deliveries.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.printf("ScaleOutIT subscriber: %d deliveries of %d events, %d delivered again after the kill%n",
                deliveries.values().stream().mapToInt(List::size).sum(), deliveries.size(), repeated.size());
        List<String> notCausedByTheKill = repeated.keySet().stream()
                .filter(id -> !published.killedNode().equals(firstBy.get(id)) || firstAt.get(id).isAfter(published.killedAt()))
                .map(id -> id + " " + repeated.get(id)).toList();
        assertEquals(List.of(), notCausedByTheKill, "events delivered twice although no node died delivering them");
        int inFlightBound = SUBSCRIBER_BATCH * TYPES.size();
        assertTrue(repeated.size() <= inFlightBound, repeated.size() + " events delivered twice: more than the "
                + inFlightBound + " a node reads at once (" + SUBSCRIBER_BATCH + " per stream): " + repeated);
    }

    /**
     * The trigger consumer's journal ids are derived from the event id, (tenant, event id) is unique in the journal:
     * an entry redelivered to the other node after the kill starts nothing twice.
     */
    @Test
    @Order(7)
    void eachTriggeringEventStartsExactlyOneWorkflowExecution() throws SQLException {
        Set<String> tickets = published().ids("TICKET_CREATED");
        try (Connection db = database()) {
            long executions = count(db, "SELECT COUNT(*) FROM HERALD_WF_EXECUTION WHERE TENANT_ID = ? AND WORKFLOW_NAME ="
                    + " 'ticket-lifecycle'", tenant);
            List<String> starts = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("SELECT EVENT_ID FROM HERALD_WF_JOURNAL WHERE TENANT_ID = ?"
                    + " AND EVENT_ID LIKE '%/start/ticket-lifecycle'")) {
                query.setString(1, tenant);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        starts.add(rows.getString(1).substring(0, rows.getString(1).indexOf('/')));
                    }
                }
            }
            assertEquals(tickets.size(), executions, "ticket-lifecycle executions, one per accepted TICKET_CREATED");
            assertEquals(starts.size(), new HashSet<>(starts).size(), "a triggering event started two executions");
            assertEquals(tickets, new HashSet<>(starts), "the executions' triggering events are the accepted tickets");
        }
    }

    /**
     * Retention runs on every node (a non-persistent timer each): two passes at once trim to a floor each computed
     * from the consumer groups, never past what a group still needs, so doubling it is harmless. Both nodes trimmed
     * the subscriber's streams every second throughout the load, and still every accepted event was delivered
     * (checked above and here); and the streams are trimmed, so retention did run.
     */
    @Test
    @Order(8)
    void retentionOnBothNodesTrimsTheSubscribedStreamsButNothingTheSubscriberStillNeeded() throws Exception {
        Load published = published();
        try (Connection db = database()) {
            assertEquals(EVENTS, count(db, "SELECT COUNT(DISTINCT EVENT_ID) FROM SCALEOUT_DELIVERY WHERE TENANT_ID = ?",
                    tenant), "events delivered from streams both nodes trimmed");
        }
        for (String type : TYPES) {
            String stream = "alga-psa:event-stream:" + SUBSCRIBED_CHANNEL + ":" + type;
            await(stream + " trimmed to " + RETAINED, Duration.ofSeconds(60),
                    () -> redis.getStream(stream).size() <= RETAINED);
            assertTrue(published.ids(type).size() > RETAINED, "more published than retained, or nothing to trim");
        }
    }

    /** Consumer names are host:server-name: one per node, and the restarted node comes back under its own name. */
    @Test
    @Order(9)
    void consumerNamesAreOnePerNodeAndTheSameAfterARestart() throws Exception {
        published();
        String host = InetAddress.getLocalHost().getHostName();
        Set<String> expected = Set.of(host + ":" + nodeA.name(), host + ":" + nodeB.name());
        assertEquals(expected, consumers(WORKFLOW_STREAM, WORKFLOW_GROUP), "consumers of the workflow stream");
        for (String type : TYPES) {
            String stream = "alga-psa:event-stream:" + SUBSCRIBED_CHANNEL + ":" + type;
            assertEquals(expected, consumers(stream, SUBSCRIBER_GROUP), "consumers of " + stream);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The broker failover: the primary broker is killed while both nodes publish.

    /** A tenant of its own, so that what the failover published is told apart from the load above. */
    final String failoverTenant = UUID.randomUUID().toString();
    /** What was published across the broker failover, for the tests after it. */
    Load failoverLoad;

    /**
     * Two clients publish {@link #FAILOVER_EVENTS} events in batches through both nodes; after 30% of them the primary
     * broker's JVM is killed with SIGKILL. The backup becomes active and both nodes' publishers and relays fail over
     * to it (the primary told every client its backup). A batch refused during the failover (503, or any 5xx) is sent again with the same
     * idempotency keys, as a client is told to: every batch ends up accepted.
     */
    @Test
    @Order(10)
    void publishingThroughBothNodesWhileThePrimaryBrokerIsKilledAcceptsEveryBatchOnRetry() throws Exception {
        Publisher publisher = new Publisher(List.of(nodeA, nodeB), token(failoverTenant));
        int perPublisher = FAILOVER_EVENTS / PUBLISHERS;
        Accepted accepted = new Accepted(failoverTenant, FAILOVER_CHANNEL_SETS, "failover-");
        Instant[] killedAt = new Instant[1];
        int[] acceptedAtKill = new int[1];

        ExecutorService clients = Executors.newFixedThreadPool(PUBLISHERS + 1);
        long started = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < PUBLISHERS; p++) {
                int client = p;
                work.add(clients.submit(() -> {
                    for (int from = 0; from < perPublisher; from += BATCH) {
                        accepted.publishBatch(publisher, client, from, perPublisher);
                    }
                    return null;
                }));
            }
            work.add(clients.submit(() -> {
                await("30% of the failover's events accepted", Duration.ofMinutes(3),
                        () -> accepted.count() >= FAILOVER_EVENTS * 3 / 10);
                acceptedAtKill[0] = accepted.count();
                long pid = brokers.killPrimary();
                long killed = System.nanoTime();
                killedAt[0] = Instant.now();
                System.out.printf("ScaleOutIT: SIGKILL to the primary broker (pid %d) after %d accepted events%n", pid,
                        acceptedAtKill[0]);
                brokers.awaitBackupActive(Duration.ofMinutes(1));
                timings.put("the backup broker active after the primary's SIGKILL", since(killed));
                return null;
            }));
            for (Future<?> each : work) {
                each.get(10, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        timings.put("publishing " + FAILOVER_EVENTS + " events across the broker failover", since(started));
        System.out.printf("ScaleOutIT broker failover: %d events accepted before the primary's SIGKILL, %d after;"
                        + " %d failed attempts retried with the same idempotency keys%n",
                acceptedAtKill[0], FAILOVER_EVENTS - acceptedAtKill[0], publisher.failedAttempts.get());
        assertNotNull(killedAt[0], "the primary broker was killed during the publishing");
        assertTrue(acceptedAtKill[0] < FAILOVER_EVENTS, "batches were still to be published when the primary died");
        assertEquals(FAILOVER_EVENTS, accepted.count(), "every batch accepted");
        assertEquals(FAILOVER_EVENTS, accepted.distinctIds(), "one event id per accepted event (a repeated key answers with its event)");
        failoverLoad = accepted.load(killedAt[0], "primary broker", publisher.failedAttempts.get());

        long draining = System.nanoTime();
        await("every event accepted across the failover on the streams", DRAIN, () -> {
            for (String type : TYPES) {
                if (idsOnStream(globalStream(type), failoverTenant).size() < failoverLoad.ids(type).size()) {
                    return false;
                }
            }
            return idsOnStream(WORKFLOW_STREAM, failoverTenant).size() >= FAILOVER_EVENTS;
        });
        timings.put("until the streams caught up after the failover's last batch", since(draining));
    }

    /**
     * Replication makes the backup hold every message the primary committed; the relay's dedupe makes a message
     * redelivered by the backup (its first delivery's acknowledgement died with the primary) land once.
     */
    @Test
    @Order(11)
    void everyEventAcceptedAcrossTheBrokerFailoverIsOnItsStreamExactlyOnce() {
        Load published = failoverPublished();
        for (String type : TYPES) {
            assertExactlyOnce(globalStream(type), idsOnStream(globalStream(type), failoverTenant), published.ids(type));
        }
        assertExactlyOnce(WORKFLOW_STREAM, idsOnStream(WORKFLOW_STREAM, failoverTenant), published.typeOf().keySet());
    }

    /** The aggregates' JMS groups are rebound on the backup, which delivers what the primary left in queue order. */
    @Test
    @Order(12)
    void perAggregateOrderHoldsAcrossTheBrokerFailover() {
        Load published = failoverPublished();
        for (String stream : List.of(globalStream("TICKET_CREATED"), globalStream("PROJECT_CREATED"), WORKFLOW_STREAM)) {
            assertEquals(List.of(), aggregatesOutOfOrder(stream, failoverTenant, published),
                    "aggregates whose events are out of publish order on " + stream + " across the broker failover");
        }
    }

    /**
     * A node that starts while the primary is dead (a restart after the failover) finds the backup: the resource
     * adapter names both brokers, so a new connection does not depend on a topology learned from the dead primary.
     * Node B is stopped and started again, must become ready (readiness checks the broker) and publish through it.
     */
    @Test
    @Order(13)
    void aNodeStartedAfterTheBrokerFailoverPublishesThroughTheBackup() throws Exception {
        failoverPublished();
        long restarting = System.nanoTime();
        nodeB.close();
        nodeB.start();
        nodeB.awaitReady(READY);
        timings.put(nodeB.name() + " restarted after the broker failover, until ready", since(restarting));
        List<JsonObject> events = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            events.add(event(failoverTenant, "PROJECT_CREATED", failoverTenant + ":after-restart", List.of("global"),
                    "failover-restart-" + i));
        }
        // Only to node B: a failure here is a failure, not something to retry elsewhere.
        List<String> published = new Publisher(List.of(nodeB), token(failoverTenant)).publish(Publisher.batch(events), 0);
        await("the events published through the restarted node on the stream", Duration.ofSeconds(60),
                () -> idsOnStream(globalStream("PROJECT_CREATED"), failoverTenant).containsAll(published));
    }

    private Load failoverPublished() {
        assertNotNull(failoverLoad, "the broker failover test must have run first");
        return failoverLoad;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Load published() {
        assertNotNull(load, "the load test must have run first");
        return load;
    }

    private Set<String> consumers(String stream, String group) {
        return redis.<String, String>getStream(stream).listConsumers(group).stream().map(StreamConsumer::getName)
                .collect(Collectors.toSet());
    }

    private static void assertExactlyOnce(String stream, List<String> onStream, Collection<String> accepted) {
        Map<String, Long> counts = onStream.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        List<String> twice = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        Set<String> missing = new TreeSet<>(accepted);
        missing.removeAll(counts.keySet());
        assertEquals(List.of(), twice, "accepted events more than once on " + stream);
        assertEquals(Set.of(), missing, "accepted events missing on " + stream);
        assertEquals(Set.copyOf(accepted), counts.keySet(), "events on " + stream + " the test did not publish");
    }

    /** The stage tenant's event ids on a stream, in stream order. */
    private List<String> idsOnStream(String stream) {
        return idsOnStream(stream, tenant);
    }

    /** A tenant's event ids on a stream, in stream order. */
    private List<String> idsOnStream(String stream, String tenant) {
        Map<StreamMessageId, Map<String, String>> entries = redis.<String, String>getStream(stream)
                .range(StreamMessageId.MIN, StreamMessageId.MAX);
        List<String> ids = new ArrayList<>();
        for (Map<String, String> entry : entries.values()) {
            if (entry.containsKey("event_id")) { // the workflow stream: flat fields
                if (tenant.equals(entry.get("tenant"))) {
                    ids.add(entry.get("event_id"));
                }
            } else {
                JsonObject envelope = Json.createReader(new StringReader(entry.get("event"))).readObject();
                if (tenant.equals(envelope.getJsonObject("payload").getString("tenantId", null))) {
                    ids.add(envelope.getString("id"));
                }
            }
        }
        return ids;
    }

    private static String globalStream(String type) {
        return "alga-psa:event-stream:global:" + type;
    }

    static JsonObject event(String tenant, String type, String aggregateKey, List<String> channels, String key) {
        String idField = type.equals("TICKET_CREATED") ? "ticketId" : "projectId";
        return Json.createObjectBuilder().add("eventType", type).add("aggregateKey", aggregateKey)
                .add("channels", Json.createArrayBuilder(channels)).add("idempotencyKey", key)
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add(idField, UUID.randomUUID().toString()))
                .build();
    }

    private String token(String tenantId) {
        return signer.sign(new TokenRequest(tenantId, "scaleout@" + tenantId, TokenRequest.ALL_GROUPS, Duration.ofHours(1)));
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/herald", "herald", "herald");
    }

    private static long count(Connection db, String sql, String parameter) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<String> strings(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement(); ResultSet rows = query.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }

    /** Polls the condition until it holds, or fails naming it. */
    static void await(String what, Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + within + ": " + what);
            }
            Thread.sleep(250);
        }
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Closes each engine that was started; a failure to close one is printed and the others are still closed. */
    static void stopAll(AutoCloseable... engines) {
        for (AutoCloseable engine : engines) {
            if (engine != null) {
                try {
                    engine.close();
                } catch (Exception e) {
                    System.err.println("stopping " + engine.getClass().getSimpleName() + ": " + e);
                }
            }
        }
    }

    /** Removes a stage's cleanup hook once the stage stopped everything itself. */
    static void removeShutdownHook(Thread cleanup) {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it finds everything stopped
        }
    }
}
