package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.kernel.EventMetrics;
import dev.herald.redis.ConsumerGroup;
import dev.herald.redis.DeadLetters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;

/**
 * One consumer of the group on every subscribed stream: each {@link #poll()} claims the entries another consumer
 * (or an earlier run of this one) left unacknowledged for longer than the claim idle time, then reads new entries of
 * all streams in one blocking XREADGROUP, and for each entry decodes it, delivers it and acknowledges it once every
 * subscriber handled it. An undeliverable entry is dead-lettered at once; one whose subscribers still fail at its
 * last allowed delivery is dead-lettered with the reason.
 *
 * <p>The group itself (where it starts, claiming, acknowledging, recreating it when it vanishes at run time) is the
 * Redis consumer-group engine's, {@link ConsumerGroup}, shared with the workflow-stream consumer; the start position
 * on a stream with history is {@link ConsumerSettings#startAtLatest()}.
 *
 * <p>Not thread-safe: one thread polls.
 */
public final class StreamConsumer {

    private static final Logger LOG = Logger.getLogger(StreamConsumer.class.getName());

    private final ConsumerSettings settings;
    private final Map<String, List<Subscription>> streams;
    private final EntryDecoder decoder;
    private final Delivery delivery;
    private final DeadLetters deadLetters;
    private final ConsumerGroup group;
    private final EventMetrics metrics;
    private long nextClaimAt;

    public StreamConsumer(RedissonClient redis, ConsumerSettings settings, Map<String, List<Subscription>> streams,
                          EntryDecoder decoder, Delivery delivery, DeadLetters deadLetters) {
        this(redis, settings, streams, decoder, delivery, deadLetters, EventMetrics.NONE);
    }

    public StreamConsumer(RedissonClient redis, ConsumerSettings settings, Map<String, List<Subscription>> streams,
                          EntryDecoder decoder, Delivery delivery, DeadLetters deadLetters, EventMetrics metrics) {
        this.metrics = metrics;
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no stream to consume");
        }
        this.settings = settings;
        this.streams = Map.copyOf(streams);
        this.decoder = decoder;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.group = new ConsumerGroup(redis, settings.group(), settings.consumer(), settings.claimIdle(),
                settings.startAtLatest());
    }

    public Set<String> streams() {
        return streams.keySet();
    }

    /** Creates the group where it is missing (start rule); returns the streams it was created on. */
    public List<String> ensureGroups() {
        return group.create(streams.keySet());
    }

    /**
     * One round: claim what is due, then read and deliver new entries (blocking up to the block time).
     *
     * @return the number of entries handled (delivered, acknowledged or dead-lettered)
     */
    public int poll() throws InterruptedException {
        int handled = 0;
        if (System.nanoTime() - nextClaimAt >= 0) {
            handled += claim();
            nextClaimAt = System.nanoTime() + settings.claimEvery().toNanos();
        }
        return handled + readNew();
    }

    int claim() throws InterruptedException {
        int[] handled = {0};
        for (String stream : streams.keySet()) {
            group.claim(stream, settings.batchSize(), Integer.MAX_VALUE, entries -> handled[0] += handle(stream, entries));
        }
        return handled[0];
    }

    private int readNew() throws InterruptedException {
        int handled = 0;
        for (Map.Entry<String, List<ConsumerGroup.Entry>> stream : group.readNew(new ArrayList<>(streams.keySet()),
                settings.batchSize(), settings.block()).entrySet()) {
            handled += handle(stream.getKey(), stream.getValue());
        }
        return handled;
    }

    /** Delivers the entries of one stream in id order; acknowledges those done in one XACK. */
    private int handle(String stream, List<ConsumerGroup.Entry> entries) throws InterruptedException {
        List<StreamMessageId> done = new ArrayList<>();
        List<Subscription> subscribers = streams.get(stream);
        Map<StreamMessageId, EntryDecoder.Decoded> decoded = new LinkedHashMap<>();
        for (ConsumerGroup.Entry entry : entries) {
            if (entry.fields() != null) {
                decoded.put(entry.id(), decoder.decode(stream, entry.id().toString(), subscribers.get(0).channel(), entry.fields()));
            }
        }
        Set<String> handled = delivery.alreadyHandled(decoded.values().stream()
                .filter(EntryDecoder.Valid.class::isInstance).map(d -> ((EntryDecoder.Valid) d).event()).toList(), subscribers);
        try {
            for (ConsumerGroup.Entry entry : entries) {
                EntryDecoder.Decoded one = decoded.get(entry.id());
                if (one == null || handleOne(stream, entry.id(), entry.fields(), one, entry.deliveries(), handled)) {
                    done.add(entry.id()); // an entry claimed but trimmed away meanwhile has nothing left to deliver
                }
            }
        } catch (InterruptedException | RuntimeException e) {
            try {
                group.ack(stream, done);
            } catch (RuntimeException ackFailed) {
                e.addSuppressed(ackFailed);
            }
            throw e;
        }
        group.ack(stream, done);
        return entries.size();
    }

    /** @return true when the entry is to be acknowledged (dead-lettered entries are acknowledged by the move) */
    private boolean handleOne(String stream, StreamMessageId id, Map<String, String> fields, EntryDecoder.Decoded decoded,
                              long deliveries, Set<String> handled) throws InterruptedException {
        String entryId = id.toString();
        if (decoded instanceof EntryDecoder.Poison poison) {
            LOG.warning("Entry " + entryId + " of " + stream + " cannot be delivered and is dead-lettered: " + poison.reason());
            deadLetters.deadLetter(stream, entryId, fields, deliveries, poison.reason(), poison.issues());
            streams.get(stream).forEach(s -> metrics.subscriberDeadLettered(s.id()));
            return false;
        }
        ReceivedEvent event = ((EntryDecoder.Valid) decoded).event();
        if (deliveries > settings.maxDeliveries()) {
            String reason = "delivered " + deliveries + " times (more than " + settings.maxDeliveries()
                    + ") without being acknowledged";
            LOG.warning("Entry " + entryId + " of " + stream + " is dead-lettered: " + reason);
            deadLetters.deadLetter(stream, entryId, fields, deliveries, reason, List.of());
            streams.get(stream).forEach(s -> metrics.subscriberDeadLettered(s.id()));
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
            outcome.results().stream().filter(r -> !r.status().done())
                    .forEach(r -> metrics.subscriberDeadLettered(r.subscriberId()));
        } else {
            LOG.warning("Entry " + entryId + " of " + stream + " (event " + event.id() + ") stays unacknowledged after delivery "
                    + deliveries + " of " + settings.maxDeliveries() + " and will be claimed again: " + outcome.reason());
        }
        return false;
    }
}
