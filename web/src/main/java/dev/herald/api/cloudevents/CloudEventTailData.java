package dev.herald.api.cloudevents;

import dev.herald.cloudevents.HeraldCloudEvents;
import dev.herald.kernel.WireJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.tail.TailEvent;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The live tail's data as CloudEvents: each event's data is the structured-mode CloudEvent
 * ({@link HeraldCloudEvents#view}) of the envelope the tail received, for {@link dev.herald.api.tail.SseTailSink}.
 */
final class CloudEventTailData implements Function<TailEvent, String> {

    private final Function<String, Optional<URI>> dataSchema;

    CloudEventTailData(Function<String, Optional<URI>> dataSchema) {
        this.dataSchema = dataSchema;
    }

    @Override
    public String apply(TailEvent event) {
        JsonObject data = WireJson.parseObject(event.data());
        EventEnvelope envelope = new EventEnvelope(event.id(), event.eventType(), Instant.parse(data.getString("timestamp")),
                data.getJsonObject("payload"), data.getBoolean("simulated", false));
        return WireJson.write(HeraldCloudEvents.view(envelope, Optional.empty(), dataSchema.apply(event.eventType())));
    }
}
