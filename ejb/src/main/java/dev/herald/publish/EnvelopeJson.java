package dev.herald.publish;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import dev.herald.kernel.WireJson;
import dev.herald.kernel.WireTime;
import java.time.Instant;

/**
 * The envelope's JSON form on the wire: {@code {"eventType","payload","id","timestamp"}}, the timestamp as
 * {@link WireTime} writes it. An envelope of a later schema version than 1 adds {@code "version":N} after the
 * timestamp. A simulated event adds
 * {@code "simulated":true} at the end; other events are written without the key, byte for byte as before, so
 * consumers that never see a simulation never see the field.
 */
public final class EnvelopeJson {

    /** The envelope member that names the payload's schema version; absent means 1, so a v1 envelope is unchanged. */
    public static final String VERSION = "version";

    /** The optional envelope member that marks a simulated event (envelope.v1.json declares it). */
    public static final String SIMULATED = "simulated";

    private EnvelopeJson() {
    }

    public static JsonObject toJsonObject(EventEnvelope envelope) {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder()
                .add("eventType", envelope.eventType())
                .add("payload", envelope.payload())
                .add("id", envelope.id())
                .add("timestamp", WireTime.text(envelope.timestamp()));
        if (envelope.version() != 1) {
            json.add(VERSION, envelope.version());
        }
        if (envelope.simulated()) {
            json.add(SIMULATED, true);
        }
        return json.build();
    }

    public static String toJson(EventEnvelope envelope) {
        return WireJson.write(toJsonObject(envelope));
    }

    public static EventEnvelope fromJson(String json) {
        return fromJsonObject(WireJson.parseObject(json));
    }

    public static EventEnvelope fromJsonObject(JsonObject object) {
        return new EventEnvelope(object.getString("id"), object.getString("eventType"),
                Instant.parse(object.getString("timestamp")), object.getJsonObject("payload"), object.getBoolean(SIMULATED, false),
                object.getInt(VERSION, 1));
    }
}
