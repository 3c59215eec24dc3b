package dev.herald.publish;

import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.versions.EventVersions;
import dev.herald.versions.WireVersions;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The envelopes one published event becomes on the wire, one per version {@code herald.wire.versions} puts there,
 * ascending: the published envelope itself for its own version, and for each other version the same event (same id,
 * timestamp, simulated mark) with its payload upcast or downcast ({@link EventVersions}) and checked against that
 * version's schema. A version below the published one without a downcaster refuses the publish, naming the type and
 * the versions: Herald never writes a later shape where a reader of the earlier one looks. So does an event whose
 * converted payload the other version's schema refuses (a legacy v1 payload that lacks what v2 requires): every
 * version on the wire carries the event, or nothing is published.
 */
public final class WireFanOut {

    /** Every event goes as it was published (tests and tools without versions). */
    public static final WireFanOut AS_PUBLISHED = new WireFanOut(null, EventVersions.NONE, null);

    private final WireVersions wire;
    private final EventVersions versions;
    private final PayloadValidator validator;

    public WireFanOut(WireVersions wire, EventVersions versions, PayloadValidator validator) {
        this.wire = wire;
        this.versions = versions;
        this.validator = validator;
    }

    /** @throws InvalidEventException when a version on the wire cannot be made from the published one, naming why */
    public List<EventEnvelope> envelopes(EventEnvelope published) {
        String type = published.eventType();
        List<Integer> onWire = wire == null ? List.of(published.version()) : wire.of(type);
        if (onWire.size() == 1 && onWire.get(0) == published.version()) {
            return List.of(published);
        }
        List<EventEnvelope> envelopes = new ArrayList<>(onWire.size());
        for (int version : onWire) {
            envelopes.add(version == published.version() ? published : converted(published, version));
        }
        return envelopes;
    }

    private EventEnvelope converted(EventEnvelope published, int version) {
        String type = published.eventType();
        int from = published.version();
        if (!versions.canConvert(type, from, version)) {
            throw new InvalidEventException(type, List.of(new EventIssue("/version", type + " v" + from
                    + " cannot be published while " + WireVersions.VERSIONS + " puts v" + version + " on the wire: no "
                    + (version < from ? "downcaster" : "upcaster") + " leads from v" + from + " to v" + version
                    + "; publish v" + version + " or change the setting")));
        }
        JsonObject payload = versions.convert(type, from, version, published.payload());
        List<EventIssue> issues = validator.validate(type, version, payload);
        if (!issues.isEmpty()) {
            String as = "as " + type + " v" + version + " (" + WireVersions.VERSIONS + " puts it on the wire): ";
            throw new InvalidEventException(type, issues.stream()
                    .map(i -> new EventIssue("/payload" + i.pointer(), as + i.message())).toList());
        }
        return published.inVersion(version, payload);
    }
}
