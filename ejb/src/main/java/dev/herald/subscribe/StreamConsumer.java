package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.redis.DeadLetters;
import dev.herald.redis.StreamIdText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.redisson.api.AutoClaimResult;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamMultiReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/**
 * One consumer of the group on every subscribed stream: each {@link #poll()} claims the entries another consumer
 * (or an earlier run of this one) left unacknowledged for longer than the claim idle time (XAUTOCLAIM), then reads
 * new entries of all streams in one blocking XREADGROUP, and for each entry decodes it, delivers it and
 * acknowledges it once every subscriber handled it. An undeliverable entry is dead-lettered at once; one whose
 * subscribers still fail at its last allowed delivery is dead-lettered with the reason.
 *
 * <p>Groups: created with MKSTREAM at {@code 0} when the stream does not exist (nothing to re-read, and nothing
 * written meanwhile is missed: the check and the create are one script); on a stream that already has entries
 * when Herald first subscribes, at {@code $} or {@code 0} by {@link ConsumerSettings#startAtLatest()}. When a group
 * vanishes at run time (Redis restarted without persistence, or an operator destroyed it) it is recreated at the
 * last entry id this consumer read from that stream (0 if none): what came after is delivered, acknowledged
 * history before it is not re-read, and the ledger skips any overlap.
 *
 * <p>Not thread-safe: one thread polls.
 */
public final class StreamConsumer {

    private static final Logger LOG = Logger.getLogger(StreamConsumer.class.getName());

    static final String CREATE_GROUP = """
            local start = ARGV[2]
            if redis.call('EXISTS', KEYS[1]) == 0 then start = '0' end
            local ok, err = pcall(redis.call, 'XGROUP', 'CREATE', KEYS[1], ARGV[1], start, 'MKSTREAM')
            if ok then return 1 end
            local text = type(err) == 'table' and err.err or tostring(err)
            if string.find(text, 'BUSYGROUP', 1, true) then return 0 end
            return redis.error_reply(text)
            """;

    private final RedissonClient redis;
    private final ConsumerSettings settings;
    private final Map<String, List<Subscription>> streams;
    private final EntryDecoder decoder;
    private final Delivery delivery;
    private final DeadLetters deadLetters;
    private final Map<String, String> lastRead = new ConcurrentHashMap<>();
    private long nextClaimAt;

    public StreamConsumer(RedissonClient redis, ConsumerSettings settings, Map<String, List<Subscription>> streams,
                          EntryDecoder decoder, Delivery delivery, DeadLetters deadLetters) {
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no stream to consume");
        }
        this.redis = redis;
        this.settings = settings;
        this.streams = Map.copyOf(streams);
        this.decoder = decoder;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
    }

    public Set<String> streams() {
        return streams.keySet();
    }

    /** Creates the group where it is missing (start-up rule); returns the streams it was created on. */
    public List<String> ensureGroups() {
        List<String> created = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (createGroup(stream, settings.startAtLatest() ? "$" : "0")) {
                created.add(stream);
            }
        }
        return created;
    }

    /** Recreates vanished groups at the last id this consumer read (run-time rule). */
    List<String> recreateGroups() {
        List<String> created = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (createGroup(stream, lastRead.getOrDefault(stream, "0"))) {
                created.add(stream);
            }
        }
        if (!created.isEmpty()) {
            LOG.warning("Consumer group " + settings.group() + " was missing and has been recreated on " + created
                    + " after the last entries this consumer read " + lastRead);
        }
        return created;
    }

    private boolean createGroup(String stream, String start) {
        Long created = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, CREATE_GROUP,
                RScript.ReturnType.INTEGER, List.of(stream), settings.group(), start);
        return created != null && created == 1;
    }

    /**
     * One round: claim what is due, then read and deliver new entries (blocking up to the block time).
     *
     * @return the number of entries handled (delivered, acknowledged or dead-lettered)
     */
    public int poll() throws InterruptedException {
        try {
            int handled = 0;
            if (System.nanoTime() - nextClaimAt >= 0) {
                handled += claim();
                nextClaimAt = System.nanoTime() + settings.claimEvery().toNanos();
            }
            return handled + readNew();
        } catch (RuntimeException e) {
            if (isNoGroup(e)) {
                recreateGroups();
                return 0;
            }
            throw e;
        }
    }

    int claim() throws InterruptedException {
        int handled = 0;
        for (String stream : streams.keySet()) {
            RStream<String, String> rs = redis.getStream(stream, StringCodec.INSTANCE);
            StreamMessageId from = new StreamMessageId(0, 0);
            do {
                AutoClaimResult<String, String> claimed = rs.autoClaim(settings.group(), settings.consumer(),
                        settings.claimIdle().toMillis(), TimeUnit.MILLISECONDS, from, settings.batchSize());
                if (!claimed.getMessages().isEmpty()) {
                    Map<StreamMessageId, Long> deliveries = deliveries(rs, claimed.getMessages().keySet());
                    LOG.info("Claimed " + claimed.getMessages().size() + " unacknowledged entries of " + stream
                            + " idle for over " + settings.claimIdle() + ": " + claimed.getMessages().keySet());
                    handled += handle(stream, claimed.getMessages(), deliveries);
                }
                if (claimed.getDeletedIds() != null && !claimed.getDeletedIds().isEmpty()) {
                    LOG.warning("Entries " + claimed.getDeletedIds() + " of " + stream
                            + " were deleted from the stream while pending; Redis dropped them from the group");
                }
                from = claimed.getNextId();
            } while (from != null && !(from.getId0() == 0 && from.getId1() == 0));
        }
        return handled;
    }

    private Map<StreamMessageId, Long> deliveries(RStream<String, String> rs, Set<StreamMessageId> ids) {
        return StreamIdText.deliveries(rs, settings.group(), settings.consumer(), ids,
                Math.max(ids.size(), settings.batchSize()) * 4);
    }

    private int readNew() throws InterruptedException {
        List<String> names = new ArrayList<>(streams.keySet());
        Map<String, StreamMessageId> others = new LinkedHashMap<>();
        names.subList(1, names.size()).forEach(n -> others.put(n, StreamMessageId.NEVER_DELIVERED));
        Map<String, Map<StreamMessageId, Map<String, String>>> read = redis.<String, String>getStream(names.get(0), StringCodec.INSTANCE)
                .readGroup(settings.group(), settings.consumer(), StreamMultiReadGroupArgs
                        .greaterThan(StreamMessageId.NEVER_DELIVERED, others)
                        .count(settings.batchSize()).timeout(settings.block()));
        if (read == null) {
            return 0;
        }
        int handled = 0;
        for (Map.Entry<String, Map<StreamMessageId, Map<String, String>>> stream : read.entrySet()) {
            Map<StreamMessageId, Map<String, String>> entries = stream.getValue();
            entries.keySet().stream().max(StreamIdText.ORDER).ifPresent(id -> lastRead.put(stream.getKey(), id.toString()));
            handled += handle(stream.getKey(), entries, Map.of());
        }
        return handled;
    }

    /** Delivers the entries of one stream in id order; acknowledges those done in one XACK. */
    private int handle(String stream, Map<StreamMessageId, Map<String, String>> entries, Map<StreamMessageId, Long> deliveries)
            throws InterruptedException {
        List<StreamMessageId> done = new ArrayList<>();
        List<StreamMessageId> ids = new ArrayList<>(entries.keySet());
        ids.sort(StreamIdText.ORDER);
        List<Subscription> subscribers = streams.get(stream);
        Map<StreamMessageId, EntryDecoder.Decoded> decoded = new LinkedHashMap<>();
        for (StreamMessageId id : ids) {
            if (entries.get(id) != null) {
                decoded.put(id, decoder.decode(stream, id.toString(), subscribers.get(0).channel(), entries.get(id)));
            }
        }
        Set<String> handled = delivery.alreadyHandled(decoded.values().stream()
                .filter(EntryDecoder.Valid.class::isInstance).map(d -> ((EntryDecoder.Valid) d).event()).toList(), subscribers);
        try {
            for (StreamMessageId id : ids) {
                EntryDecoder.Decoded entry = decoded.get(id);
                if (entry == null || handleOne(stream, id, entries.get(id), entry, deliveries.getOrDefault(id, 1L), handled)) {
                    done.add(id); // an entry claimed but trimmed away meanwhile has nothing left to deliver
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            try {
                ack(stream, done);
            } catch (RuntimeException ackFailed) {
                e.addSuppressed(ackFailed);
            }
            throw e;
        }
        ack(stream, done);
        return ids.size();
    }

    private void ack(String stream, List<StreamMessageId> ids) {
        if (!ids.isEmpty()) {
            redis.getStream(stream, StringCodec.INSTANCE).ack(settings.group(), ids.toArray(StreamMessageId[]::new));
        }
    }

    /** @return true when the entry is to be acknowledged (dead-lettered entries are acknowledged by the move) */
    private boolean handleOne(String stream, StreamMessageId id, Map<String, String> fields, EntryDecoder.Decoded decoded,
                              long deliveries, Set<String> handled) throws InterruptedException {
        String entryId = id.toString();
        if (decoded instanceof EntryDecoder.Poison poison) {
            LOG.warning("Entry " + entryId + " of " + stream + " cannot be delivered and is dead-lettered: " + poison.reason());
            deadLetters.deadLetter(stream, entryId, fields, deliveries, poison.reason(), poison.issues());
            return false;
        }
        ReceivedEvent event = ((EntryDecoder.Valid) decoded).event();
        if (deliveries > settings.maxDeliveries()) {
            String reason = "delivered " + deliveries + " times (more than " + settings.maxDeliveries()
                    + ") without being acknowledged";
            LOG.warning("Entry " + entryId + " of " + stream + " is dead-lettered: " + reason);
            deadLetters.deadLetter(stream, entryId, fields, deliveries, reason, List.of());
            return false;
        }
        Delivery.Outcome outcome = delivery.deliver(event, streams.get(stream), handled);
        if (outcome.allDone()) {
            return true;
        }
        if (deliveries >= settings.maxDeliveries()) {
            String reason = "subscribers failed at delivery " + deliveries + " of " + settings.maxDeliveries() + ": " + outcome.reason();
            LOG.warning("Entry " + entryId + " of " + stream + " (event " + event.id() + ") is dead-lettered: " + reason);
            deadLetters.deadLetter(stream, entryId, fields, deliveries, reason, List.of());
        } else {
            LOG.warning("Entry " + entryId + " of " + stream + " (event " + event.id() + ") stays unacknowledged after delivery "
                    + deliveries + " of " + settings.maxDeliveries() + " and will be claimed again: " + outcome.reason());
        }
        return false;
    }

    static boolean isNoGroup(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("NOGROUP")) {
                return true;
            }
        }
        return false;
    }
}
