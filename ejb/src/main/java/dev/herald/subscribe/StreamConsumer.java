package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import dev.herald.kernel.EventMetrics;
import dev.herald.tracing.EventSpans;
import dev.herald.redis.ConsumerGroup;
import dev.herald.redis.DeadLetters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;

/**
 * One consumer of the group on every subscribed stream: each {@link #poll()} acknowledges what was handled since
 * the last round, claims the entries another consumer (or an earlier run of this one) left unacknowledged for longer
 * than the claim idle time, then reads new entries of all streams in one blocking XREADGROUP and hands each to
 * delivery. An undeliverable entry is dead-lettered at once; one whose subscribers still fail at its last allowed
 * delivery is dead-lettered with the reason.
 *
 * <p><b>Parallel delivery, ordered per key.</b> Entries are delivered on {@link OrderedLanes}: entries of one
 * ordering key one after another, in the order they were read (stream order within a stream), entries of different
 * keys concurrently, at most {@link ConsumerSettings#parallelism()} keys at once. The key is the publisher's
 * aggregate key, which the relay writes as the entry's {@code aggregate} field, so one aggregate's events keep their
 * order while other aggregates, of the same tenant too, are delivered concurrently; an entry without one (published
 * without an aggregate key, or relayed before entries carried it) is keyed by its payload's {@code tenantId}
 * ({@link EntryKey}), so those events of one tenant are delivered one after another. At most
 * {@link ConsumerSettings#maxInFlight()} entries are read and not yet acknowledged: when that many are, the consumer stops reading until some are done.
 *
 * <p><b>Acknowledgement rule.</b> An entry is acknowledged only after its delivery ended with every subscriber done
 * (handled, handled before, or not for its tenant), in the first round after that, together with the others done
 * since, one XACK per stream, sent after the round's handled marks (one pipelined batch); neither is waited for,
 * so the loop's only round trip per round is its read (a failed XACK leaves the entries pending: delivered again,
 * the ledger skipping what was handled). An entry whose
 * delivery failed or timed out is not acknowledged: it stays in the group's pending list, is claimed after the claim
 * idle time and delivered again, and dead-lettered at its last allowed delivery (dead-lettering acknowledges it). An
 * entry read but not yet delivered when the consumer stops, or dies, is still pending too, and is delivered again by
 * whoever claims it. The later entries of a key whose delivery failed are delivered meanwhile, as before: order is
 * kept on the happy path.
 *
 * <p>The group itself (where it starts, claiming, acknowledging, recreating it when it vanishes at run time) is the
 * Redis consumer-group engine's, {@link ConsumerGroup}, shared with the workflow-stream consumer; the start position
 * on a stream with history is {@link ConsumerSettings#startAtLatest()}.
 *
 * <p>One thread polls (it alone talks to the group); the deliveries run on the lanes' threads and report back
 * through a queue.
 */
public final class StreamConsumer {

    private static final Logger LOG = Logger.getLogger(StreamConsumer.class.getName());
    /** How long a read blocks while entries are being delivered, so their acknowledgements are not held back long. */
    private static final Duration SHORT_BLOCK = Duration.ofMillis(20);

    /** How often the loop looks for observers running on a lane's thread past the handler timeout. */
    private static final Duration WATCH_EVERY = Duration.ofMillis(100);

    /** How one delivered entry ended, as the loop learns it. */
    private record Done(String stream, StreamMessageId id, boolean acknowledge) {
    }

    /**
     * One entry handed to delivery: its lane's task, reported done exactly once (by the task, or by the loop giving up
     * on an observer that runs on the lane's thread past the handler timeout), and the watch of that observer.
     */
    private final class Running implements Runnable, Delivery.InlineWatch {
        final String stream;
        final ConsumerGroup.Entry entry;
        final EntryKey key;
        final List<Subscription> subscribers;
        final CompletableFuture<Set<String>> handled;
        final AtomicBoolean reported = new AtomicBoolean();
        volatile boolean inline;
        volatile long inlineSince;
        volatile String inlineSubscriber;

        Running(String stream, ConsumerGroup.Entry entry, EntryKey key, List<Subscription> subscribers,
                CompletableFuture<Set<String>> handled) {
            this.stream = stream;
            this.entry = entry;
            this.key = key;
            this.subscribers = subscribers;
            this.handled = handled;
        }

        /** How log lines name the entry; built only when a line is written. */
        String named() {
            return "Entry " + entry.id() + " of " + stream + (key.readable() ? " (event " + key.eventId() + ")" : "");
        }

        @Override
        public void run() {
            boolean acknowledge = handle(this);
            if (reported.compareAndSet(false, true)) {
                done.add(new Done(stream, entry.id(), acknowledge));
            }
        }

        @Override
        public void started(String subscriberId) {
            inlineSubscriber = subscriberId;
            inlineSince = System.nanoTime();
            inline = true;
        }

        @Override
        public boolean ended() {
            inline = false;
            return !reported.get();
        }
    }

    private final ConsumerSettings settings;
    private final Map<String, List<Subscription>> streams;
    private final EntryDecoder decoder;
    private final Delivery delivery;
    private final DeadLetters deadLetters;
    private final ConsumerGroup group;
    private final EventMetrics metrics;
    private final OrderedLanes lanes;
    private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    /** Per stream: the entries handed to delivery and not yet reported done. Only the polling thread uses it. */
    private final Map<String, Map<StreamMessageId, Running>> inFlight = new LinkedHashMap<>();
    private int inFlightCount;
    private long nextClaimAt;
    private long nextWatchAt;

    public StreamConsumer(RedissonClient redis, ConsumerSettings settings, Map<String, List<Subscription>> streams,
                          EntryDecoder decoder, Delivery delivery, DeadLetters deadLetters, TaskRunner runner) {
        this(redis, settings, streams, decoder, delivery, deadLetters, runner, EventMetrics.NONE);
    }

    public StreamConsumer(RedissonClient redis, ConsumerSettings settings, Map<String, List<Subscription>> streams,
                          EntryDecoder decoder, Delivery delivery, DeadLetters deadLetters, TaskRunner runner,
                          EventMetrics metrics) {
        this.metrics = metrics;
        if (streams.isEmpty()) {
            throw new IllegalArgumentException("no stream to consume");
        }
        this.settings = settings;
        this.streams = Map.copyOf(streams);
        this.decoder = decoder;
        this.delivery = delivery;
        this.deadLetters = deadLetters;
        this.lanes = new OrderedLanes(runner, settings.parallelism());
        this.group = new ConsumerGroup(redis, settings.group(), settings.consumer(), settings.claimIdle(),
                settings.startAtLatest());
        streams.keySet().forEach(s -> inFlight.put(s, new HashMap<>()));
    }

    public Set<String> streams() {
        return streams.keySet();
    }

    /** Creates the group where it is missing (start rule); returns the streams it was created on. */
    public List<String> ensureGroups() {
        return group.create(streams.keySet());
    }

    /** Entries read (or claimed) and not yet done. */
    public int inFlight() {
        return inFlightCount;
    }

    /**
     * One round: acknowledge what was handled, claim what is due, then read new entries (blocking up to the block
     * time, shorter while deliveries are running) and hand them to delivery, as far as the in-flight bound allows.
     *
     * @return the number of entries whose delivery ended this round (acknowledged, dead-lettered or left pending)
     */
    public int poll() throws InterruptedException {
        giveUpOnHungObservers();
        int finished = settle();
        if (System.nanoTime() - nextClaimAt >= 0 && inFlightCount < settings.maxInFlight()) {
            claim(settings.maxInFlight() - inFlightCount);
            nextClaimAt = System.nanoTime() + settings.claimEvery().toNanos();
        }
        int room = settings.maxInFlight() - inFlightCount;
        if (room <= 0) {
            Done first = done.poll(settings.block().toMillis(), TimeUnit.MILLISECONDS);
            if (first != null) {
                done.add(first);
            }
            return finished + settle();
        }
        Duration block = inFlightCount > 0 && SHORT_BLOCK.compareTo(settings.block()) < 0 ? SHORT_BLOCK : settings.block();
        for (Map.Entry<String, List<ConsumerGroup.Entry>> stream : readNew(Math.min(settings.batchSize(), room), block).entrySet()) {
            dispatch(stream.getKey(), stream.getValue());
        }
        return finished + settle();
    }

    /**
     * Reads new entries. Redisson 3.52.0 answers a blocking XREADGROUP whose reply came later than its own client-side
     * timeout (a starved JVM) with an empty list where a map belongs, and the cast fails inside Redisson
     * (redisson/redisson#7050). Nothing was read then, and the entries Redis may have handed over meanwhile are in the
     * group's pending list, to be claimed; so that round reads nothing, instead of failing and pausing the loop for a
     * second while deliveries are waiting to be acknowledged.
     */
    private Map<String, List<ConsumerGroup.Entry>> readNew(int count, Duration block) {
        try {
            return group.readNew(new ArrayList<>(streams.keySet()), count, block);
        } catch (ClassCastException timedOutRead) {
            LOG.info("A blocking XREADGROUP was answered after the Redis client's timeout (redisson#7050: " + timedOutRead.getMessage()
                    + "); nothing read this round, and what Redis handed over meanwhile is claimed after the claim idle time");
            return Map.of();
        }
    }

    /**
     * Waits up to {@code timeout} for the deliveries in flight to end, and acknowledges those that were handled.
     * What is still running then stays unacknowledged, to be claimed later.
     *
     * @return true when nothing is left in flight
     */
    public boolean drain(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        settle();
        while (inFlightCount > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Done first = done.poll(left, TimeUnit.NANOSECONDS);
            if (first != null) {
                done.add(first);
                settle();
            }
        }
        return true;
    }

    /** Claims up to {@code limit} entries of each stream (those still in flight here are claimed but not queued again). */
    void claim(int limit) throws InterruptedException {
        for (String stream : streams.keySet()) {
            group.claim(stream, settings.batchSize(), limit, entries -> dispatch(stream, entries));
        }
    }

    /**
     * Reads the event id and tenant of each entry of one stream ({@link EntryKey}: a parse, no validation), asks the
     * ledger about all of them at once, and queues each entry on its tenant's lane, where it is validated and
     * delivered. An entry still in flight here (claimed back from this very consumer while its delivery is queued or
     * running) is not queued twice.
     */
    private void dispatch(String stream, List<ConsumerGroup.Entry> entries) {
        List<Subscription> subscribers = streams.get(stream);
        Map<StreamMessageId, Running> running = inFlight.get(stream);
        List<StreamMessageId> nothingToDeliver = new ArrayList<>();
        Map<ConsumerGroup.Entry, EntryKey> queued = new LinkedHashMap<>();
        for (ConsumerGroup.Entry entry : entries) {
            if (running.containsKey(entry.id())) {
                continue;
            }
            if (entry.fields() == null) {
                nothingToDeliver.add(entry.id()); // claimed but trimmed away meanwhile: acknowledge it
                continue;
            }
            queued.put(entry, EntryKey.peek(entry.fields(), subscribers.get(0).channel()));
        }
        group.ack(stream, nothingToDeliver);
        if (queued.isEmpty()) {
            return;
        }
        // The lanes wait for the ledger's answer, the loop does not: it reads on meanwhile.
        CompletableFuture<Set<String>> handled = delivery.alreadyHandledOf(
                queued.values().stream().filter(EntryKey::readable).toList(), subscribers).toCompletableFuture();
        queued.forEach((entry, key) -> {
            Running task = new Running(stream, entry, key, subscribers, handled);
            running.put(entry.id(), task);
            inFlightCount++;
            lanes.submit(key.orderingKey(), task);
        });
    }

    /**
     * Validates and delivers one entry on a lane's thread; dead-letters it when it cannot be delivered, was delivered
     * too often, or its subscribers still fail at its last allowed delivery.
     *
     * @return true when the entry is to be acknowledged (a dead-lettered entry is acknowledged by the move)
     */
    private boolean handle(Running task) {
        String stream = task.stream;
        ConsumerGroup.Entry entry = task.entry;
        List<Subscription> subscribers = task.subscribers;
        String entryId = entry.id().toString();
        if (Thread.currentThread().isInterrupted()) {
            // The lane's thread is being stopped (its executor shuts down): it delivers nothing more, so that a stopping
            // server does not run observers late; the entry stays pending, to be claimed.
            LOG.info(task.named() + " is left pending: the delivery thread was interrupted");
            return false;
        }
        try {
            EntryDecoder.Decoded decoded = decoder.decode(stream, entryId, subscribers.get(0).channel(), entry.fields());
            if (decoded instanceof EntryDecoder.Poison poison) {
                LOG.warning(task.named() + " cannot be delivered and is dead-lettered: " + poison.reason());
                deadLetters.deadLetter(stream, entryId, entry.fields(), entry.deliveries(), poison.reason(), poison.issues());
                subscribers.forEach(s -> metrics.subscriberDeadLettered(s.id()));
                return false;
            }
            if (entry.deliveries() > settings.maxDeliveries()) {
                String reason = "delivered " + entry.deliveries() + " times (more than " + settings.maxDeliveries()
                        + ") without being acknowledged";
                LOG.warning(task.named() + " is dead-lettered: " + reason);
                deadLetters.deadLetter(stream, entryId, entry.fields(), entry.deliveries(), reason, List.of());
                subscribers.forEach(s -> metrics.subscriberDeadLettered(s.id()));
                return false;
            }
            return deliver(task, ((EntryDecoder.Valid) decoded).event());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, task.named() + " could not be handled; it stays unacknowledged and will be claimed again", e);
            return false;
        }
    }

    /** @return true when the entry is to be acknowledged */
    private boolean deliver(Running task, ReceivedEvent event) {
        try {
            Delivery.Outcome outcome = delivery.deliver(event, task.subscribers, task.handled.join(),
                    task.entry.fields().get(EventSpans.TRACEPARENT), task);
            if (outcome.allDone()) {
                return true;
            }
            if (!task.reported.get()) { // else the loop gave up on it and said so
                leftUndone(task, outcome.reason(), outcome.results().stream().filter(r -> !r.status().done())
                        .map(Delivery.Result::subscriberId).toList());
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warning("Delivery of entry " + task.entry.id() + " of " + task.stream + " (event " + event.id()
                    + ") was interrupted; it stays unacknowledged");
            return false;
        }
    }

    /**
     * An entry whose subscribers did not all succeed: dead-lettered at its last allowed delivery, else left pending
     * to be claimed and delivered again.
     */
    private void leftUndone(Running task, String failures, List<String> failedSubscribers) {
        String named = task.named();
        if (task.entry.deliveries() >= settings.maxDeliveries()) {
            String reason = "subscribers failed at delivery " + task.entry.deliveries() + " of " + settings.maxDeliveries()
                    + ": " + failures;
            LOG.warning(named + " is dead-lettered: " + reason);
            deadLetters.deadLetter(task.stream, task.entry.id().toString(), task.entry.fields(), task.entry.deliveries(),
                    reason, List.of());
            failedSubscribers.forEach(metrics::subscriberDeadLettered);
        } else {
            LOG.warning(named + " stays unacknowledged after delivery " + task.entry.deliveries() + " of "
                    + settings.maxDeliveries() + " and will be claimed again: " + failures);
        }
    }

    /**
     * Gives up on every observer that runs on a lane's thread and has outlasted the handler timeout: its entry is
     * reported not done (left pending, or dead-lettered at its last delivery), and its lane goes on on another
     * thread. The observer keeps its thread until it returns, as one on a container thread of its own does.
     */
    private void giveUpOnHungObservers() {
        long now = System.nanoTime();
        if (now - nextWatchAt < 0) {
            return;
        }
        nextWatchAt = now + WATCH_EVERY.toNanos();
        long timeout = settings.handlerTimeout().toNanos();
        for (Map<StreamMessageId, Running> entries : inFlight.values()) {
            for (Running task : entries.values()) {
                if (task.inline && now - task.inlineSince > timeout && task.reported.compareAndSet(false, true)) {
                    lanes.abandon(task);
                    String subscriber = task.inlineSubscriber;
                    metrics.deliveryTimedOut(subscriber);
                    try {
                        leftUndone(task, subscriber + ": TIMED_OUT no result within " + settings.handlerTimeout()
                                + " (the observer keeps its thread)", List.of(subscriber));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not dead-letter entry " + task.entry.id() + " of " + task.stream
                                + "; it stays pending and is claimed again", e);
                    }
                    done.add(new Done(task.stream, task.entry.id(), false));
                }
            }
        }
    }

    /** Writes the handled marks, then acknowledges the entries done since the last round, one XACK per stream. */
    private int settle() {
        List<Done> finished = new ArrayList<>();
        done.drainTo(finished);
        if (finished.isEmpty()) {
            return 0;
        }
        Map<String, List<StreamMessageId>> toAck = new LinkedHashMap<>();
        for (Done d : finished) {
            inFlight.get(d.stream()).remove(d.id());
            inFlightCount--;
            if (d.acknowledge()) {
                toAck.computeIfAbsent(d.stream(), s -> new ArrayList<>()).add(d.id());
            }
        }
        delivery.flushLedger();
        toAck.forEach((stream, ids) -> group.ackAsync(stream, ids).whenComplete((count, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Could not acknowledge " + ids.size() + " handled entries of " + stream
                        + "; they stay pending and are claimed and delivered again (the ledger skips their handled subscribers)", error);
            }
        }));
        return finished.size();
    }
}
