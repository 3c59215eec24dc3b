package dev.herald.api.cloudevents;

import dev.herald.cloudevents.HeraldCloudEvents;
import dev.herald.kernel.WireJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.tail.TailEvent;
import dev.herald.tail.TailFilter;
import dev.herald.tail.TailSink;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.net.URI;
import java.time.Instant;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A live-tail client that reads CloudEvents: each event's data is the structured-mode CloudEvent
 * ({@link HeraldCloudEvents#view}) of the envelope the tail received; the {@code ready} event and keep-alives are the
 * tail's own. Writes wait for completion on the client's thread, as the tail's own sink does.
 */
final class CloudEventTailSink implements TailSink {

    private final SseEventSink sink;
    private final Sse sse;
    private final Duration writeTimeout;
    private final Function<String, Optional<URI>> dataSchema;

    CloudEventTailSink(SseEventSink sink, Sse sse, Duration writeTimeout, Function<String, Optional<URI>> dataSchema) {
        this.sink = sink;
        this.sse = sse;
        this.writeTimeout = writeTimeout;
        this.dataSchema = dataSchema;
    }

    @Override
    public void ready(TailFilter filter) throws Exception {
        write(sse.newEventBuilder().name("ready").mediaType(MediaType.TEXT_PLAIN_TYPE).data(filter.json()).build());
    }

    @Override
    public void send(TailEvent event) throws Exception {
        JsonObject data = WireJson.parseObject(event.data());
        EventEnvelope envelope = new EventEnvelope(event.id(), event.eventType(), Instant.parse(data.getString("timestamp")),
                data.getJsonObject("payload"), data.getBoolean("simulated", false));
        JsonObject cloudEvent = HeraldCloudEvents.view(envelope, Optional.empty(), dataSchema.apply(event.eventType()));
        write(sse.newEventBuilder().name(event.eventType()).id(event.id()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(WireJson.write(cloudEvent)).build());
    }

    @Override
    public void keepAlive() throws Exception {
        write(sse.newEventBuilder().comment("keep-alive").build());
    }

    private void write(OutboundSseEvent event) throws Exception {
        try {
            sink.send(event).toCompletableFuture().get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    @Override
    public void close() {
        sink.close();
    }
}
