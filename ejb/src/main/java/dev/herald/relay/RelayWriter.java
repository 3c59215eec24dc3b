package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.redisson.api.BatchOptions;
import org.redisson.api.BatchResult;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * Writes the events of one JMS message to Redis: one Lua script call per stream key ({@link StreamWrite}), all calls
 * of the message sent together in one Redisson batch (pipelined: one round trip per Redis node, not per stream).
 * Each call is atomic and checks its dedupe markers, so every stream gets each event once however often the message
 * is delivered; the calls of one message are not atomic together, and a redelivery after a partly failed delivery
 * writes only the streams that are missing it. No call names keys of two hash slots, so this works on single
 * Redis, Sentinel and Redis Cluster alike.
 */
public final class RelayWriter {

    /*
     * KEYS[1]: the stream; KEYS[2..]: one dedupe marker per entry (in the stream's slot).
     * ARGV[1]: dedupe seconds; then per entry: pub/sub channel ('' = none), pub/sub message, n, the n field/value
     * strings. Answers one '1' (written) or '0' (marker found: relayed before) per entry.
     * Redis does not undo a script's earlier writes when a later command fails, so the one check that can fail (the
     * key holds something else than a stream) runs before the first write: a failed call leaves nothing behind. An
     * entry's marker is set right after its write, so an entry that appears twice in one call is written once.
     * A marker found is renewed (a redelivery restarts its window): that write makes a WAIT after the call wait for
     * the replicas to have everything up to it, so a redelivery after a WAIT that timed out confirms the earlier
     * writes instead of answering at once.
     */
    static final String SCRIPT = """
            local pending = false
            for k = 2, #KEYS do
              if redis.call('EXISTS', KEYS[k]) == 0 then pending = true break end
            end
            if pending then
              local kind = redis.call('TYPE', KEYS[1]).ok
              if kind ~= 'stream' and kind ~= 'none' then
                return redis.error_reply('WRONGTYPE ' .. KEYS[1] .. ' holds a ' .. kind .. ', not a stream')
              end
            end
            local written = {}
            local a = 2
            for k = 2, #KEYS do
              local channel, message, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
              local from = a + 3
              a = from + n
              if redis.call('EXISTS', KEYS[k]) == 0 then
                redis.call('XADD', KEYS[1], '*', unpack(ARGV, from, from + n - 1))
                if channel ~= '' then
                  redis.call('PUBLISH', channel, message)
                end
                redis.call('SET', KEYS[k], '1', 'EX', tonumber(ARGV[1]))
                written[#written + 1] = '1'
              else
                redis.call('EXPIRE', KEYS[k], tonumber(ARGV[1]))
                written[#written + 1] = '0'
              end
            end
            return table.concat(written)
            """;

    private final RedissonClient client;
    private final WireFormat format;
    private final int syncReplicas;
    private final Duration syncTimeout;

    /**
     * @param syncReplicas how many replicas must have the writes before the relay answers (Redis WAIT after the batch);
     *                     0: answer once the master has them
     * @param syncTimeout  how long WAIT waits for them
     */
    public RelayWriter(RedissonClient client, WireFormat format, int syncReplicas, Duration syncTimeout) {
        if (syncReplicas < 0) {
            throw new IllegalArgumentException("syncReplicas must be 0 or more, was " + syncReplicas);
        }
        this.client = client;
        this.format = format;
        this.syncReplicas = syncReplicas;
        this.syncTimeout = syncTimeout;
    }

    /**
     * Relays the events and says which were written: one element per (event, channel) unit whose per-type stream
     * entry was written by this call, in order, so an event on two channels appears twice; a unit relayed before (a
     * redelivery) is left out.
     *
     * @throws PartlyRelayedException when a call failed: the calls that succeeded keep their writes, and the exception
     *                                names the units they wrote
     */
    public List<CarriedEvent> relayed(List<CarriedEvent> events) {
        List<RelayBatch> units = units(format, events);
        if (units.isEmpty()) {
            throw new IllegalArgumentException("nothing to relay");
        }
        List<StreamWrite> writes = StreamWrite.plan(units);
        long dedupeSeconds = units.get(0).dedupeSeconds();
        // Without replicas to wait for, one batch: Redisson pipelines it, one round trip per node. With them, one batch
        // per call, each ending in a WAIT on the connection that wrote (WAIT counts that connection's writes only),
        // all sent at once; Redisson answers one count for a batch, which must be the count of one node.
        List<RBatch> batches = new ArrayList<>();
        List<RFuture<String>> answers = new ArrayList<>(writes.size());
        for (StreamWrite write : writes) {
            if (batches.isEmpty() || syncReplicas > 0) {
                BatchOptions options = BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY);
                batches.add(client.createBatch(syncReplicas > 0 ? options.sync(syncReplicas, syncTimeout) : options));
            }
            answers.add(batches.get(batches.size() - 1).getScript(StringCodec.INSTANCE).evalAsync(write.stream(),
                    RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.VALUE, write.keys(), write.arguments(dedupeSeconds)));
        }
        List<CompletableFuture<BatchResult<?>>> results = batches.stream()
                .map(batch -> batch.executeAsync().toCompletableFuture()).toList();
        RuntimeException failure = null;
        for (int b = 0; b < results.size(); b++) {
            try {
                int synced = results.get(b).join().getSyncedSlaves();
                if (synced < syncReplicas) {
                    throw new ReplicasBehindException("only " + synced + " of the " + syncReplicas + " replicas to wait for"
                            + " confirmed the write to " + writes.get(b).stream() + " within " + syncTimeout
                            + "; the attempt fails and is made again");
                }
            } catch (CompletionException e) {
                failure = add(failure, e.getCause() instanceof RuntimeException cause ? cause : e);
            } catch (RuntimeException e) {
                failure = add(failure, e);
            }
        }
        boolean[] written = new boolean[units.size()];
        for (int w = 0; w < writes.size(); w++) {
            CompletableFuture<String> answer = answers.get(w).toCompletableFuture();
            if (!answer.isDone() || answer.isCompletedExceptionally()) {
                continue; // its error is the batch's failure
            }
            String flags = answer.join();
            List<StreamWrite.Entry> entries = writes.get(w).entries();
            for (int e = 0; e < entries.size(); e++) {
                if (entries.get(e).countsUnit() && flags != null && e < flags.length() && flags.charAt(e) == '1') {
                    written[entries.get(e).unit()] = true;
                }
            }
        }
        if (failure != null) {
            throw new PartlyRelayedException(written(events, written), failure);
        }
        return written(events, written);
    }

    private static RuntimeException add(RuntimeException first, RuntimeException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /** The events of the units written, one element per unit, in unit order. */
    static List<CarriedEvent> written(List<CarriedEvent> events, boolean[] written) {
        List<CarriedEvent> result = new ArrayList<>();
        int unit = 0;
        for (CarriedEvent event : events) {
            for (int c = 0; c < event.channels().size(); c++, unit++) {
                if (written[unit]) {
                    result.add(event);
                }
            }
        }
        return result;
    }

    static List<RelayBatch> units(WireFormat format, List<CarriedEvent> events) {
        List<RelayBatch> units = new ArrayList<>();
        for (CarriedEvent event : events) {
            EventEnvelope envelope = event.envelope();
            for (String channel : event.channels()) {
                units.add(format.batch(envelope, event.envelopeJson(), channel, event.aggregateKey(), event.traceparent()));
            }
        }
        return units;
    }
}
