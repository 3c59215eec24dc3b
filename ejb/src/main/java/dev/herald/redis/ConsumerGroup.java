package dev.herald.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.redisson.api.AutoClaimResult;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.PendingResult;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamMultiReadGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/**
 * One consumer of a Redis consumer group on one or more streams: the one engine of the subscribers and of the
 * workflow-stream consumer. It creates the group (start rule), reads new entries (XREADGROUP {@code >}), claims
 * entries pending longer than the claim idle time with their delivery counts (XAUTOCLAIM + XPENDING), acknowledges
 * (XACK), and recreates a group that vanished at run time (restart rule). What to do with an entry is the caller's.
 *
 * <p><b>Start rule</b> ({@link #create}): on a stream that does not exist, the group is created with MKSTREAM at
 * {@code 0} (the check and the create are one script, so nothing written meanwhile is skipped); on a stream that has
 * entries, at {@code $} (start at latest: history is not read) or {@code 0}.
 *
 * <p><b>Restart rule</b> (a command answered NOGROUP: Redis restarted without persistence, or an operator destroyed
 * the group): the group is recreated at the last entry id this consumer read from the stream, lowered to just before
 * the oldest entry still unacknowledged when it last looked (the group's oldest pending entry at the last claim
 * round, and what this consumer read since without acknowledging it), {@code 0} when it read nothing. So entries
 * written after the last read are delivered, entries left pending are read again instead of being dropped with the
 * lost pending list, and acknowledged history before them is not re-read. When the stream does not exist, or its
 * last generated id is below that point (it is a new stream, e.g. Redis restarted empty and written to since), the
 * group starts at {@code 0}. The reads and claims recreate the group themselves, log it once at WARNING, and answer
 * nothing for that round; overlaps are for the callers' idempotence (the subscribers' ledger, the triggers' derived
 * event ids).
 *
 * <p>Not thread-safe: one thread reads, claims and acknowledges.
 */
public final class ConsumerGroup {

    private static final Logger LOG = Logger.getLogger(ConsumerGroup.class.getName());

    /** ARGV: group, start. Answers the start used when it created the group, nil when the group existed. */
    static final String CREATE = """
            local function before(a, b)
              local am, as = string.match(a, '^(%d+)-(%d+)$')
              local bm, bs = string.match(b, '^(%d+)-(%d+)$')
              if not am or not bm then return false end
              am, as, bm, bs = tonumber(am), tonumber(as), tonumber(bm), tonumber(bs)
              return am < bm or (am == bm and as < bs)
            end
            local start = ARGV[2]
            if redis.call('EXISTS', KEYS[1]) == 0 then
              start = '0'
            elseif string.find(start, '-', 1, true) then
              local info = redis.call('XINFO', 'STREAM', KEYS[1])
              for i = 1, #info, 2 do
                if info[i] == 'last-generated-id' and before(info[i + 1], start) then start = '0' end
              end
            end
            local ok, err = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], start, 'MKSTREAM')
            if ok then return start end
            local text = type(err) == 'table' and err.err or tostring(err)
            if string.find(text, 'BUSYGROUP', 1, true) then return false end
            return redis.error_reply(text)
            """;

    /**
     * One entry as the group delivered it. {@code fields} is null for an entry claimed after it was deleted from the
     * stream (Redis 6.2 still lists it): there is nothing to deliver, acknowledge it.
     */
    public record Entry(StreamMessageId id, Map<String, String> fields, long deliveries) {
    }

    /** Handles one page of claimed entries. */
    @FunctionalInterface
    public interface ClaimHandler {
        void handle(List<Entry> entries) throws InterruptedException;
    }

    private final RedissonClient redis;
    private final String group;
    private final String consumer;
    private final Duration claimIdle;
    private final boolean startAtLatest;
    private final Map<String, StreamId> lastRead = new ConcurrentHashMap<>();
    /** Per stream: the group's oldest pending entry at the last claim round. */
    private final Map<String, StreamId> oldestPending = new ConcurrentHashMap<>();
    /** Per stream: what this consumer read since the last claim round and has not acknowledged. */
    private final Map<String, NavigableSet<StreamId>> unacknowledged = new ConcurrentHashMap<>();

    /**
     * @param startAtLatest where the start rule creates the group on a stream that has entries: {@code $} when
     *                      true, {@code 0} when false
     */
    public ConsumerGroup(RedissonClient redis, String group, String consumer, Duration claimIdle, boolean startAtLatest) {
        if (claimIdle == null || claimIdle.isNegative() || claimIdle.isZero()) {
            throw new IllegalArgumentException("the claim idle time must be positive, was " + claimIdle);
        }
        this.redis = redis;
        this.group = group;
        this.consumer = consumer;
        this.claimIdle = claimIdle;
        this.startAtLatest = startAtLatest;
    }

    public String group() {
        return group;
    }

    public String consumer() {
        return consumer;
    }

    /** Creates the group by the start rule where it is missing; returns the streams it was created on. */
    public List<String> create(Collection<String> streams) {
        List<String> created = new ArrayList<>();
        for (String stream : streams) {
            if (createGroup(stream, startAtLatest ? "$" : "0") != null) {
                created.add(stream);
            }
        }
        return created;
    }

    /** Recreates the group by the restart rule where it is missing; returns the start id of each stream it was created on. */
    public Map<String, String> recreate(Collection<String> streams) {
        Map<String, String> created = new LinkedHashMap<>();
        for (String stream : streams) {
            String start = createGroup(stream, restartPoint(stream).toString());
            if (start != null) {
                created.put(stream, start);
                lastRead.remove(stream);
                oldestPending.remove(stream);
                unacknowledged.remove(stream);
            }
        }
        if (!created.isEmpty()) {
            LOG.warning("Consumer group " + group + " was missing (NOGROUP: Redis restarted without its data, or the group"
                    + " was destroyed) and has been recreated by consumer " + consumer + " after " + created
                    + " (the last entry it read, or just before the oldest it had not seen acknowledged; 0 for a new stream)");
        }
        return created;
    }

    /** Where the restart rule recreates the group on this stream (before the script's check of the stream itself). */
    StreamId restartPoint(String stream) {
        StreamId point = lastRead.getOrDefault(stream, StreamId.MIN);
        StreamId pending = oldestPending.get(stream);
        if (pending != null) {
            point = StreamId.min(point, pending.previous());
        }
        NavigableSet<StreamId> open = unacknowledged.get(stream);
        if (open != null && !open.isEmpty()) {
            point = StreamId.min(point, open.first().previous());
        }
        return point;
    }

    private String createGroup(String stream, String start) {
        return redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CREATE, RScript.ReturnType.VALUE,
                List.of(stream), group, start);
    }

    /**
     * Reads entries never delivered to the group (XREADGROUP {@code >}) from all these streams, each in stream order
     * with delivery count 1. A vanished group is recreated and nothing is answered for this round.
     *
     * <p>On single Redis and Sentinel this is one XREADGROUP over all the streams. On a Redis Cluster one XREADGROUP
     * may not name streams of several hash slots (CROSSSLOT), so each stream gets its own, without blocking, all sent
     * in one pipelined batch (one round trip per node); only when none of them had an entry does it block, on the first
     * stream, so an idle round waits up to {@code block} as on single Redis but a new entry on another stream is read
     * at the next round, up to {@code block} later. When one of those reads fails, the round answers nothing (and
     * recreates a vanished group) as a failed single read does; what the others read that round stays pending for this
     * consumer and is claimed after the claim idle time.
     *
     * @param block how long to wait for an entry; null or zero: do not wait
     */
    public Map<String, List<Entry>> readNew(List<String> streams, int count, Duration block) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no stream to read");
        }
        boolean blocks = block != null && !block.isZero() && !block.isNegative();
        Map<String, Map<StreamMessageId, Map<String, String>>> read;
        try {
            if (streams.size() > 1 && redis.getConfig().isClusterConfig()) {
                read = readEach(streams, count);
                if (read.isEmpty() && blocks) {
                    read = readAll(streams.subList(0, 1), count, block);
                }
            } else {
                read = readAll(streams, count, blocks ? block : null);
            }
        } catch (RuntimeException e) {
            recreateIfVanished(e, streams);
            return Map.of();
        }
        Map<String, List<Entry>> entries = new LinkedHashMap<>();
        if (read != null) {
            read.forEach((stream, byId) -> {
                List<Entry> list = inOrder(byId, Map.of());
                if (!list.isEmpty()) {
                    StreamId last = of(list.get(list.size() - 1).id());
                    lastRead.merge(stream, last, StreamId::max);
                    NavigableSet<StreamId> open = unacknowledged.computeIfAbsent(stream, s -> new ConcurrentSkipListSet<>());
                    list.forEach(e -> open.add(of(e.id())));
                    entries.put(stream, list);
                }
            });
        }
        return entries;
    }

    /** One XREADGROUP over all the streams (they must share a slot on a Cluster). */
    private Map<String, Map<StreamMessageId, Map<String, String>>> readAll(List<String> streams, int count, Duration block) {
        Map<String, StreamMessageId> others = new LinkedHashMap<>();
        streams.subList(1, streams.size()).forEach(n -> others.put(n, StreamMessageId.NEVER_DELIVERED));
        StreamMultiReadGroupArgs args = StreamMultiReadGroupArgs.greaterThan(StreamMessageId.NEVER_DELIVERED, others).count(count);
        if (block != null) {
            args = args.timeout(block);
        }
        return stream(streams.get(0)).readGroup(group, consumer, args);
    }

    /** One non-blocking XREADGROUP per stream, pipelined; only the streams that had entries are in the answer. */
    private Map<String, Map<StreamMessageId, Map<String, String>>> readEach(List<String> streams, int count) {
        RBatch batch = redis.createBatch(BatchOptions.defaults());
        Map<String, RFuture<Map<StreamMessageId, Map<String, String>>>> answers = new LinkedHashMap<>();
        for (String stream : streams) {
            answers.put(stream, batch.<String, String>getStream(stream, StringCodec.INSTANCE)
                    .readGroupAsync(group, consumer, StreamReadGroupArgs.neverDelivered().count(count)));
        }
        batch.execute();
        Map<String, Map<StreamMessageId, Map<String, String>>> read = new LinkedHashMap<>();
        answers.forEach((stream, answer) -> {
            Map<StreamMessageId, Map<String, String>> byId = answer.toCompletableFuture().join();
            if (byId != null && !byId.isEmpty()) {
                read.put(stream, byId);
            }
        });
        return read;
    }

    /**
     * Claims the entries of one stream pending (with any consumer of the group) longer than the claim idle time
     * (XAUTOCLAIM, page by page, {@code count} per page, until the pending list is covered or {@code limit} entries
     * were claimed), and hands each page, in stream order and with the delivery counts (XPENDING, this delivery
     * included), to the handler. A vanished group is recreated and nothing is claimed.
     *
     * @return the number of entries claimed
     */
    public int claim(String stream, int count, int limit, ClaimHandler handler) throws InterruptedException {
        RStream<String, String> rs = stream(stream);
        int claimed = 0;
        try {
            notePending(stream, rs);
            StreamMessageId from = new StreamMessageId(0, 0);
            do {
                AutoClaimResult<String, String> page = rs.autoClaim(group, consumer, claimIdle.toMillis(),
                        TimeUnit.MILLISECONDS, from, Math.min(count, limit - claimed));
                if (page.getDeletedIds() != null && !page.getDeletedIds().isEmpty()) {
                    LOG.warning("Entries " + page.getDeletedIds() + " of " + stream
                            + " were deleted from the stream while pending; Redis dropped them from group " + group);
                }
                if (!page.getMessages().isEmpty()) {
                    Set<StreamMessageId> ids = page.getMessages().keySet();
                    Map<StreamMessageId, Long> deliveries = StreamIdText.deliveries(rs, group, consumer, ids,
                            Math.max(ids.size(), count) * 4);
                    LOG.info("Claimed " + ids.size() + " unacknowledged entries of " + stream + " idle for over "
                            + claimIdle + " (group " + group + "): " + inOrder(page.getMessages(), Map.of()).stream()
                            .map(e -> e.id() + " at delivery " + deliveries.getOrDefault(e.id(), 1L)).toList());
                    claimed += ids.size();
                    handler.handle(inOrder(page.getMessages(), deliveries));
                }
                from = page.getNextId();
            } while (claimed < limit && from != null && !(from.getId0() == 0 && from.getId1() == 0));
        } catch (RuntimeException e) {
            recreateIfVanished(e, List.of(stream));
        }
        return claimed;
    }

    /** Remembers the group's oldest pending entry, for the restart rule; what was read before is covered by it. */
    private void notePending(String stream, RStream<String, String> rs) {
        PendingResult pending = rs.getPendingInfo(group);
        unacknowledged.remove(stream);
        if (pending == null || pending.getTotal() == 0 || pending.getLowestId() == null) {
            oldestPending.remove(stream);
        } else {
            oldestPending.put(stream, of(pending.getLowestId()));
        }
    }

    /** Acknowledges entries of one stream in one XACK. */
    public void ack(String stream, Collection<StreamMessageId> ids) {
        if (ids.isEmpty()) {
            return;
        }
        stream(stream).ack(group, ids.toArray(StreamMessageId[]::new));
        NavigableSet<StreamId> open = unacknowledged.get(stream);
        if (open != null) {
            ids.forEach(id -> open.remove(of(id)));
        }
    }

    /** Recreates the group on these streams when the error says it is missing (NOGROUP); rethrows any other error. */
    private void recreateIfVanished(RuntimeException error, Collection<String> streams) {
        if (!isNoGroup(error)) {
            throw error;
        }
        recreate(streams);
    }

    public static boolean isNoGroup(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOGROUP")) {
                return true;
            }
        }
        return false;
    }

    private RStream<String, String> stream(String name) {
        return redis.getStream(name, StringCodec.INSTANCE);
    }

    private static StreamId of(StreamMessageId id) {
        return new StreamId(id.getId0(), id.getId1());
    }

    private static List<Entry> inOrder(Map<StreamMessageId, Map<String, String>> byId, Map<StreamMessageId, Long> deliveries) {
        List<StreamMessageId> ids = new ArrayList<>(byId.keySet());
        ids.sort(StreamIdText.ORDER);
        List<Entry> entries = new ArrayList<>(ids.size());
        for (StreamMessageId id : ids) {
            entries.add(new Entry(id, byId.get(id), deliveries.getOrDefault(id, 1L)));
        }
        return entries;
    }
}
