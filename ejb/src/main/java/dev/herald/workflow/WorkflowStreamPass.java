package dev.herald.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of the workflow-stream consumer: take back entries left unacknowledged too long (a failed or crashed
 * handling), read new ones, hand each to the handler, and acknowledge an entry only once the handler returned,
 * that is once its database work committed. A failing entry is logged and left pending, so the next claim after
 * the idle time retries it, until its last allowed delivery: then it is dead-lettered with the reason (moved to
 * the dead-letter stream and acknowledged, where an operator sees and replays it). An entry no retry could make
 * usable (see {@link WorkflowStreamEntry#parse}) is dead-lettered at once. Plain Java over a {@link Stream}, so the
 * acknowledgement rules are tested without Redis.
 */
public final class WorkflowStreamPass {

    private static final Logger LOG = Logger.getLogger(WorkflowStreamPass.class.getName());

    /** The consumer group's view of the stream; ids are Redis stream ids ({@code ms-seq}). */
    public interface Stream {
        /** Entries pending longer than the idle time (anyone's), now claimed by this consumer, oldest first. */
        Map<String, Map<String, String>> claimIdle(int count);

        /** Entries never delivered to the group, oldest first. */
        Map<String, Map<String, String>> readNew(int count);

        void ack(String id);

        /** How often each of these pending entries has been delivered, this delivery included. */
        Map<String, Long> deliveries(Set<String> ids);

        /** Moves the entry to the dead-letter stream with the reason and acknowledges it, in one atomic step. */
        void deadLetter(String id, Map<String, String> fields, long deliveries, String reason);
    }

    /** {@code failed}: left pending for a later delivery; {@code deadLettered}: given up on, visible to operators. */
    public record Result(int handled, int failed, int deadLettered) {
        public int total() {
            return handled + failed + deadLettered;
        }
    }

    private final Stream stream;
    private final Consumer<WorkflowStreamEntry> handler;
    private final int batch;
    private final int maxDeliveries;

    public WorkflowStreamPass(Stream stream, Consumer<WorkflowStreamEntry> handler, int batch, int maxDeliveries) {
        if (batch < 1 || maxDeliveries < 1) {
            throw new IllegalArgumentException("batch and max deliveries must be 1 or more, were " + batch + ", " + maxDeliveries);
        }
        this.stream = stream;
        this.handler = handler;
        this.batch = batch;
        this.maxDeliveries = maxDeliveries;
    }

    /** @param stopping checked between entries: an undeploy does not wait for the whole batch */
    public Result run(BooleanSupplier stopping) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>(stream.claimIdle(batch));
        Map<String, Long> deliveries = entries.isEmpty() ? Map.of() : stream.deliveries(entries.keySet());
        stream.readNew(batch).forEach(entries::putIfAbsent);
        int handled = 0;
        int failed = 0;
        int deadLettered = 0;
        for (Map.Entry<String, Map<String, String>> entry : entries.entrySet()) {
            if (stopping.getAsBoolean()) {
                break;
            }
            String id = entry.getKey();
            long delivery = deliveries.getOrDefault(id, 1L);
            WorkflowStreamEntry parsed;
            try {
                parsed = WorkflowStreamEntry.parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                String reason = "unusable: " + e.getMessage();
                LOG.warning("Workflow stream entry " + id + " is dead-lettered, " + reason + "; fields " + entry.getValue());
                stream.deadLetter(id, entry.getValue(), delivery, reason);
                deadLettered++;
                continue;
            }
            try {
                handler.accept(parsed);
            } catch (RuntimeException e) {
                String what = "Workflow stream entry " + id + " (event " + parsed.eventId() + ", " + parsed.eventType()
                        + ", tenant " + parsed.tenant() + ")";
                if (delivery >= maxDeliveries) {
                    String reason = "failed at delivery " + delivery + " of " + maxDeliveries + ": " + QueueRunner.reason(e);
                    LOG.log(Level.WARNING, what + " is dead-lettered, " + reason, e);
                    stream.deadLetter(id, entry.getValue(), delivery, reason);
                    deadLettered++;
                } else {
                    LOG.log(Level.WARNING, what + " failed at delivery " + delivery + " of " + maxDeliveries
                            + "; left pending, retried after the idle time: " + QueueRunner.reason(e), e);
                    failed++;
                }
                continue;
            }
            stream.ack(id);
            handled++;
        }
        return new Result(handled, failed, deadLettered);
    }
}
