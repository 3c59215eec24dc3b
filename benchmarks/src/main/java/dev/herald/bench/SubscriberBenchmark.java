package dev.herald.bench;

import dev.herald.schema.SchemaRegistry;
import dev.herald.subscribe.ConsumerSettings;
import dev.herald.redis.DeadLetters;
import dev.herald.subscribe.Delivery;
import dev.herald.subscribe.EntryDecoder;
import dev.herald.subscribe.RedisDeliveryLedger;
import dev.herald.subscribe.StreamConsumer;
import dev.herald.subscribe.Subscription;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
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
 * Subscriber throughput: events per second that Herald's consumer ({@link StreamConsumer}: XREADGROUP of 100,
 * decoding and schema validation, the dedupe ledger read and pipelined write, delivery on per-tenant lanes, the
 * observer on its own thread under a timeout, one XACK per stream per round) delivers to a no-op observer, next to a
 * raw XREADGROUP (100) + XACK loop over the same entries of the same stream (each in its own consumer group), same
 * run, same Redis. The entries belong to {@code tenants} tenants, interleaved; the observer checks that each
 * tenant's entries arrive in stream order and the run fails loudly if one does not. Each round measures the consumer
 * at parallelism 1 (one key at a time: the old one-after-another delivery) and at {@code parallelism}.
 * In-process: the lanes and observer threads are a plain pool here, container threads in the server.
 * With a last argument such as {@code 1,10,100,280} it then measures one consumer over that many streams at once
 * (one XREADGROUP for all of them), the same number of entries spread evenly over the streams; with
 * {@code -Dherald.bench.subscribers-per-stream=1,2,5,10}, one stream read once for that many subscribers.
 * Usage: {@code SubscriberBenchmark [redis address] [events] [rounds] [tenants] [parallelism] [stream counts]};
 * round 1 is JIT warm-up.
 * With {@code -Dherald.bench.memory-events=1000000} it instead streams that many events through one consumer (a
 * producer keeps the backlog under {@link #MEMORY_BACKLOG} and trims what was delivered, so Redis stays small) and
 * prints the heap used after a full GC at 0, half and all of them: flat figures mean nothing per event or per key is
 * retained. Every event names its own aggregate (one lane key per ticket), so per-key state that outlived its
 * entries would grow with the count.
 */
public final class SubscriberBenchmark {

    /**
     * {@code -Dherald.bench.observer-wait-micros=N}: the observer waits N microseconds per event (a stand-in for an
     * observer that calls a database or a service), instead of returning at once.
     */
    private static final long OBSERVER_WAIT_NANOS = Long.getLong("herald.bench.observer-wait-micros", 0) * 1_000;

    /** {@code -Dherald.bench.subscribers-per-stream=1,2,5,10}: then one stream read for that many no-op subscribers. */
    private static final List<Integer> SUBSCRIBERS_PER_STREAM = java.util.Arrays.stream(
            System.getProperty("herald.bench.subscribers-per-stream", "").split(","))
            .filter(n -> !n.isBlank()).map(Integer::parseInt).toList();

    /** The memory run's producer stays at most this many entries ahead of the consumer. */
    private static final int MEMORY_BACKLOG = 20_000;

    public static void main(String[] args) throws Exception {
        String address = args.length > 0 ? args[0] : "redis://127.0.0.1:6379";
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int tenants = args.length > 3 ? Integer.parseInt(args[3]) : 64;
        int parallelism = args.length > 4 ? Integer.parseInt(args[4]) : 8;
        List<Integer> streamCounts = args.length > 5
                ? java.util.Arrays.stream(args[5].split(",")).map(Integer::parseInt).toList() : List.of();
        Config config = new Config();
        config.useSingleServer().setAddress(address);
        RedissonClient redis = Redisson.create(config);
        String prefix = "herald:bench:subscribe:" + UUID.randomUUID() + ":";
        String stream = prefix + "event-stream:global:TICKET_CREATED";
        ExecutorService observers = Executors.newCachedThreadPool();
        try {
            long memoryEvents = Long.getLong("herald.bench.memory-events", 0);
            if (memoryEvents > 0) {
                memory(redis, SchemaRegistry.loadFromClasspath(), observers, stream, prefix, memoryEvents, tenants, parallelism);
                return;
            }
            fill(redis, stream, events, tenants);
            SchemaRegistry registry = SchemaRegistry.loadFromClasspath();
            System.out.printf("%nSubscriber delivery, %,d TICKET_CREATED entries of %d tenants (interleaved) on one stream, %s%n",
                    events, tenants, address);
            for (int round = 1; round <= rounds; round++) {
                double raw = raw(redis, stream, "raw-" + round, events);
                double serial = herald(redis, registry, observers, stream, prefix, "serial-" + round, events, 1);
                double parallel = herald(redis, registry, observers, stream, prefix, "parallel-" + round, events, parallelism);
                System.out.printf("  round %d: Herald -> no-op observer, order checked: parallelism 1 %,10.0f events/s,"
                                + " parallelism %d %,10.0f events/s   raw XREADGROUP+XACK %,10.0f events/s   ratio %.2f%n",
                        round, serial, parallelism, parallel, raw, parallel / raw);
            }
            for (int count : streamCounts) {
                List<String> streams = new java.util.ArrayList<>();
                for (int i = 0; i < count; i++) {
                    streams.add(prefix + "many-" + count + ":event-stream:global:TICKET_CREATED:" + i);
                }
                for (int i = 0; i < count; i++) {
                    fill(redis, streams.get(i), events / count, tenants);
                }
                double rate = herald(redis, registry, observers, streams, prefix, "streams-" + count, events / count * count,
                        parallelism);
                System.out.printf("  %3d streams, one XREADGROUP for all: Herald -> no-op observer, order checked,"
                        + " parallelism %d %,10.0f events/s%n", count, parallelism, rate);
                streams.forEach(name -> redis.getKeys().delete(name));
            }
            for (int subscribers : SUBSCRIBERS_PER_STREAM) {
                String shared = prefix + "subscribers-" + subscribers + ":event-stream:global:TICKET_CREATED";
                fill(redis, shared, events, tenants);
                double rate = herald(redis, registry, observers, List.of(shared), prefix, "subscribers-" + subscribers,
                        events, parallelism, subscribers);
                System.out.printf("  %2d subscriber(s) on one stream, one read for all, order checked per subscriber,"
                                + " parallelism %d: %,10.0f entries/s = %,10.0f deliveries/s%n",
                        subscribers, parallelism, rate, rate * subscribers);
                redis.getKeys().delete(shared);
            }
        } finally {
            observers.shutdownNow();
            redis.getKeys().deleteByPattern(prefix + "*");
            redis.shutdown();
        }
    }

    private static void fill(RedissonClient redis, String stream, int events, int tenants) {
        List<String> tenantIds = new java.util.ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            tenantIds.add(UUID.randomUUID().toString());
        }
        for (int from = 0; from < events; from += 1000) {
            add(redis, stream, tenantIds, from, Math.min(events, from + 1000), false);
        }
    }

    /** Entries {@code from} to {@code to} (exclusive), tenants in turn; with {@code ownAggregate} each its ticket's. */
    private static void add(RedissonClient redis, String stream, List<String> tenantIds, long from, long to, boolean ownAggregate) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        var target = batch.<String, String>getStream(stream, StringCodec.INSTANCE);
        for (long i = from; i < to; i++) {
            String ticketId = UUID.randomUUID().toString();
            Map<String, String> fields = new java.util.HashMap<>(Map.of("event", "{\"eventType\":\"TICKET_CREATED\",\"payload\":{\"tenantId\":\""
                    + tenantIds.get((int) (i % tenantIds.size())) + "\",\"ticketId\":\"" + ticketId
                    + "\",\"occurredAt\":\"2026-11-23T07:41:51.792Z\"},\"id\":\"" + UUID.randomUUID()
                    + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}", "channel", "global"));
            if (ownAggregate) {
                fields.put("aggregate", ticketId);
            }
            target.addAsync(StreamAddArgs.entries(fields));
        }
        batch.execute();
    }

    private static void memory(RedissonClient redis, SchemaRegistry registry, ExecutorService observers, String stream,
                               String prefix, long total, int tenants, int parallelism) throws InterruptedException {
        List<String> tenantIds = java.util.stream.Stream.generate(() -> UUID.randomUUID().toString()).limit(tenants).toList();
        AtomicLong delivered = new AtomicLong();
        add(redis, stream, tenantIds, 0, 1000, true);
        StreamConsumer consumer = consumer(redis, registry, observers, List.of(stream), prefix, "memory", parallelism, 1,
                delivered, new java.util.concurrent.ConcurrentHashMap<>(), new AtomicLong());
        consumer.ensureGroups();
        RStream<String, String> entries = redis.getStream(stream, StringCodec.INSTANCE);
        System.out.printf("%nSubscriber memory, %,d TICKET_CREATED entries of %d tenants, one aggregate each, parallelism %d, %s%n",
                total, tenants, parallelism, Runtime.version());
        System.out.printf("  %,9d delivered: heap after GC %,7.1f MB%n", 0, heapAfterGc());
        long produced = 1000;
        long nextReport = total / 2;
        long start = System.nanoTime();
        while (nextReport != Long.MAX_VALUE) { // until the report at the total
            boolean reportDue = delivered.get() >= nextReport;
            if (!reportDue && produced < total && produced - delivered.get() < MEMORY_BACKLOG) {
                long to = Math.min(total, produced + 1000);
                add(redis, stream, tenantIds, produced, to, true);
                produced = to;
            }
            consumer.poll();
            if (reportDue && delivered.get() == produced) { // nothing produced since the report fell due: all delivered
                consumer.drain(Duration.ofSeconds(10));
                entries.trim(org.redisson.api.stream.StreamTrimArgs.maxLen(0).noLimit()); // keep Redis small
                System.out.printf("  %,9d delivered: heap after GC %,7.1f MB (%,.0f events/s so far)%n", delivered.get(),
                        heapAfterGc(), delivered.get() / ((System.nanoTime() - start) / 1e9));
                nextReport = nextReport == total ? Long.MAX_VALUE : total;
            }
        }
    }

    private static double heapAfterGc() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed() / 1e6;
    }

    private static double raw(RedissonClient redis, String stream, String group, int events) {
        RStream<String, String> rs = redis.getStream(stream, StringCodec.INSTANCE);
        rs.createGroup(StreamCreateGroupArgs.name(group).id(new StreamMessageId(0, 0)));
        long start = System.nanoTime();
        int seen = 0;
        while (seen < events) {
            Map<StreamMessageId, Map<String, String>> read = rs.readGroup(group, "raw",
                    StreamReadGroupArgs.neverDelivered().count(100).timeout(Duration.ofMillis(100)));
            if (read.isEmpty()) {
                continue;
            }
            rs.ack(group, read.keySet().toArray(StreamMessageId[]::new));
            seen += read.size();
        }
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static double herald(RedissonClient redis, SchemaRegistry registry, ExecutorService observers, String stream,
                                 String prefix, String group, int events, int parallelism) throws InterruptedException {
        return herald(redis, registry, observers, List.of(stream), prefix, group, events, parallelism, 1);
    }

    private static double herald(RedissonClient redis, SchemaRegistry registry, ExecutorService observers, List<String> streams,
                                 String prefix, String group, int events, int parallelism) throws InterruptedException {
        return herald(redis, registry, observers, streams, prefix, group, events, parallelism, 1);
    }

    /** @return entries per second, each delivered to {@code subscribers} no-op observers */
    private static double herald(RedissonClient redis, SchemaRegistry registry, ExecutorService observers, List<String> streams,
                                 String prefix, String group, int events, int parallelism, int subscribers)
            throws InterruptedException {
        AtomicLong delivered = new AtomicLong();
        AtomicLong outOfOrder = new AtomicLong();
        StreamConsumer consumer = consumer(redis, registry, observers, streams, prefix, group, parallelism, subscribers,
                delivered, new java.util.concurrent.ConcurrentHashMap<>(), outOfOrder);
        consumer.ensureGroups(); // the stream exists and settings start at 0: the group reads every entry
        long start = System.nanoTime();
        while (delivered.get() < (long) events * subscribers) {
            consumer.poll();
        }
        double rate = events / ((System.nanoTime() - start) / 1e9);
        consumer.drain(Duration.ofSeconds(10));
        if (outOfOrder.get() > 0) {
            throw new IllegalStateException(outOfOrder.get() + " entries arrived before an earlier entry of their tenant");
        }
        return rate;
    }

    /**
     * Herald's consumer of {@code streams} with {@code subscribers} no-op observers on each, which count and check
     * that each tenant's entries reach each of them in order.
     */
    private static StreamConsumer consumer(RedissonClient redis, SchemaRegistry registry, ExecutorService observers,
                                           List<String> streams, String prefix, String group, int parallelism, int subscribers,
                                           AtomicLong delivered, Map<String, StreamMessageId> lastPerTenant, AtomicLong outOfOrder) {
        ConsumerSettings settings = new ConsumerSettings(group, "herald", 100, Duration.ofMillis(100), Duration.ofMinutes(5),
                5, Duration.ofSeconds(10), false, parallelism, 1000);
        Delivery delivery = new Delivery((subscription, event) -> {
            String[] parts = event.entryId().split("-");
            StreamMessageId current = new StreamMessageId(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            StreamMessageId before = lastPerTenant.put(subscription.id() + "|" + event.tenantId() + "|" + event.stream(), current);
            if (before != null && (before.getId0() > current.getId0()
                    || (before.getId0() == current.getId0() && before.getId1() >= current.getId1()))) {
                outOfOrder.incrementAndGet();
            }
            if (OBSERVER_WAIT_NANOS > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(OBSERVER_WAIT_NANOS); // an observer waiting on I/O
            }
            delivered.incrementAndGet();
        }, observers::submit,
                new RedisDeliveryLedger(redis, prefix + group + ":delivered:", Duration.ofHours(1)), settings.handlerTimeout());
        List<Subscription> noOps = java.util.stream.IntStream.rangeClosed(1, subscribers)
                .mapToObj(i -> new Subscription("no-op-" + i, List.of("TICKET_CREATED"), "global", Set.of(), "", "bench.noOp" + i))
                .toList();
        Map<String, List<Subscription>> subscribed = new java.util.LinkedHashMap<>();
        streams.forEach(name -> subscribed.put(name, noOps));
        return new StreamConsumer(redis, settings, subscribed, new EntryDecoder(registry),
                delivery, new DeadLetters(redis, group, Clock.systemUTC()), observers::submit);
    }
}
