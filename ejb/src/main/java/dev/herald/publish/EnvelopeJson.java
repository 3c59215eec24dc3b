package dev.herald.publish;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeFormatter;

/**
 * The envelope's JSON form on the wire: {@code {"eventType","payload","id","timestamp"}}, timestamp in UTC with
 * a {@code Z} and milliseconds (existing consumers reject an offset such as {@code +00:00}). A simulated event adds
 * {@code "simulated":true} at the end; other events are written without the key, byte for byte as before, so
 * consumers that never see a simulation never see the field.
 */
public final class EnvelopeJson {

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The optional envelope member that marks a simulated event (envelope.v1.json declares it). */
    public static final String SIMULATED = "simulated";

    private EnvelopeJson() {
    }

    /** The current instant at the wire format's precision (milliseconds), so a stored time equals the one published. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    public static JsonObject toJsonObject(EventEnvelope envelope) {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder()
                .add("eventType", envelope.eventType())
                .add("payload", envelope.payload())
                .add("id", envelope.id())
                .add("timestamp", timestamp(envelope.timestamp()));
        if (envelope.simulated()) {
            json.add(SIMULATED, true);
        }
        return json.build();
    }

    public static String toJson(EventEnvelope envelope) {
        return WireJson.write(toJsonObject(envelope));
    }

    public static EventEnvelope fromJson(String json) {
        JsonObject object = WireJson.parseObject(json);
        return new EventEnvelope(object.getString("id"), object.getString("eventType"),
                Instant.parse(object.getString("timestamp")), object.getJsonObject("payload"), object.getBoolean(SIMULATED, false));
    }
}
