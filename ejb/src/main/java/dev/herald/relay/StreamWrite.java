package dev.herald.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One relay script call: every entry one message adds to one stream, in message order, each with its dedupe marker.
 * Its keys are the stream and the markers, which share the stream's hash slot, so the call is valid on Redis Cluster.
 *
 * @param stream  the stream key (KEYS[1])
 * @param entries the entries, each a unit's write to this stream
 */
record StreamWrite(String stream, List<Entry> entries) {

    /**
     * One entry to add unless its marker exists.
     *
     * @param unit           the index of its (event, channel) unit in the message
     * @param countsUnit     true for the unit's per-type stream entry, whose write is what says the unit was relayed;
     *                       false for its workflow stream entry
     * @param publishChannel the pub/sub channel to publish on with the entry, {@code ""} for none
     */
    record Entry(int unit, boolean countsUnit, String marker, String publishChannel, String publishMessage,
                 List<String> fields) {
    }

    /** KEYS: the stream, then one marker per entry. */
    List<Object> keys() {
        List<Object> keys = new ArrayList<>(entries.size() + 1);
        keys.add(stream);
        entries.forEach(entry -> keys.add(entry.marker()));
        return keys;
    }

    /** ARGV: the dedupe seconds, then per entry: publish channel, publish message, n, the n field/value strings. */
    Object[] arguments(long dedupeSeconds) {
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(dedupeSeconds));
        for (Entry entry : entries) {
            args.add(entry.publishChannel());
            args.add(entry.publishMessage());
            args.add(Integer.toString(entry.fields().size()));
            args.addAll(entry.fields());
        }
        return args.toArray();
    }

    /**
     * The script calls of one message: one per stream key, in the order the streams first appear. A unit's per-type
     * entry goes with its publish; its workflow entry (global channel) goes to the workflow stream's call, with its own
     * marker, so a redelivery after one call failed writes only what is missing.
     */
    static List<StreamWrite> plan(List<RelayBatch> units) {
        Map<String, List<Entry>> byStream = new LinkedHashMap<>();
        for (int u = 0; u < units.size(); u++) {
            RelayBatch unit = units.get(u);
            byStream.computeIfAbsent(unit.typeStream(), s -> new ArrayList<>()).add(new Entry(u, true,
                    unit.typeStreamMarker(), unit.pubSubChannel(), unit.envelopeJson(), unit.typeStreamFields()));
            if (unit.workflowStream() != null) {
                byStream.computeIfAbsent(unit.workflowStream(), s -> new ArrayList<>()).add(new Entry(u, false,
                        unit.workflowStreamMarker(), "", "", unit.workflowStreamFields()));
            }
        }
        List<StreamWrite> writes = new ArrayList<>(byStream.size());
        byStream.forEach((stream, entries) -> writes.add(new StreamWrite(stream, List.copyOf(entries))));
        return writes;
    }
}
