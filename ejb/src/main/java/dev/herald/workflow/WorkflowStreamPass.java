package dev.herald.workflow;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One pass of the workflow-stream consumer: take back entries left unacknowledged too long (a failed or crashed
 * handling), read new ones, hand each to the handler, and acknowledge an entry only once the handler returned,
 * that is once its database work committed. A failing entry is logged and left pending, so the next claim after
 * the idle time retries it; an entry no retry could make usable (see {@link WorkflowStreamEntry#parse}) is logged
 * with its fields and acknowledged. Plain Java over a {@link Stream}, so the acknowledgement rules are tested
 * without Redis.
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
    }

    public record Result(int handled, int failed, int malformed) {
        public int total() {
            return handled + failed + malformed;
        }
    }

    private final Stream stream;
    private final Consumer<WorkflowStreamEntry> handler;
    private final int batch;

    public WorkflowStreamPass(Stream stream, Consumer<WorkflowStreamEntry> handler, int batch) {
        this.stream = stream;
        this.handler = handler;
        this.batch = batch;
    }

    /** @param stopping checked between entries: an undeploy does not wait for the whole batch */
    public Result run(BooleanSupplier stopping) {
        Map<String, Map<String, String>> entries = new LinkedHashMap<>(stream.claimIdle(batch));
        stream.readNew(batch).forEach(entries::putIfAbsent);
        int handled = 0;
        int failed = 0;
        int malformed = 0;
        for (Map.Entry<String, Map<String, String>> entry : entries.entrySet()) {
            if (stopping.getAsBoolean()) {
                break;
            }
            WorkflowStreamEntry parsed;
            try {
                parsed = WorkflowStreamEntry.parse(entry.getValue());
            } catch (IllegalArgumentException e) {
                LOG.warning("Workflow stream entry " + entry.getKey() + " is unusable and is acknowledged without effect: "
                        + e.getMessage() + "; fields " + entry.getValue());
                stream.ack(entry.getKey());
                malformed++;
                continue;
            }
            try {
                handler.accept(parsed);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Workflow stream entry " + entry.getKey() + " (event " + parsed.eventId() + ", "
                        + parsed.eventType() + ", tenant " + parsed.tenant() + ") failed; left pending, retried after the"
                        + " idle time: " + QueueRunner.reason(e), e);
                failed++;
                continue;
            }
            stream.ack(entry.getKey());
            handled++;
        }
        return new Result(handled, failed, malformed);
    }
}
