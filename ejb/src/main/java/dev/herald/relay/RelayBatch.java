package dev.herald.relay;

import java.util.List;

/**
 * Every Redis write of one event on one channel, as the keys and arguments of the relay script, which applies
 * them atomically: the dedupe marker, the per-type stream, the workflow stream (global channel only) and the
 * pub/sub channel.
 */
public record RelayBatch(String dedupeKey, String typeStream, String workflowStream, String pubSubChannel,
                         long dedupeSeconds, List<String> typeStreamFields, List<String> workflowStreamFields,
                         String envelopeJson) {

    public List<Object> keys() {
        return List.of(dedupeKey, typeStream, workflowStream == null ? "" : workflowStream);
    }
}
