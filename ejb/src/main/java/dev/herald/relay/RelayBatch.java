package dev.herald.relay;

import java.util.List;

/**
 * Every Redis write of one event on one channel (a relay unit): the entry on the per-type stream with the pub/sub
 * publish, and on the {@code global} channel the entry on the workflow stream. Each stream write has its own dedupe
 * marker, which shares that stream's hash slot ({@link WireFormat#marker}), so the relay script that checks it and
 * writes the stream touches one slot only and works on Redis Cluster.
 *
 * @param typeStreamMarker     the dedupe marker of the per-type stream entry
 * @param workflowStream       null off the {@code global} channel
 * @param workflowStreamMarker the dedupe marker of the workflow stream entry; null with the workflow stream
 */
public record RelayBatch(String typeStream, String typeStreamMarker, String workflowStream, String workflowStreamMarker,
                         String pubSubChannel, long dedupeSeconds, List<String> typeStreamFields,
                         List<String> workflowStreamFields, String envelopeJson) {
}
