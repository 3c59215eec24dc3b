package dev.herald.api.tail;

import dev.herald.tail.TailEvent;
import dev.herald.tail.TailFilter;
import dev.herald.tail.TailSink;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A live-tail client's SSE connection. Each write waits for its completion (up to the write timeout) on the client's
 * own thread, so the client's queue, not the server, absorbs a slow reader. An event's {@code data} is the envelope
 * the tail received, or what {@code data} makes of it (the CloudEvents tail: a structured CloudEvent); the
 * {@code ready} event and the keep-alives are the tail's own.
 */
public final class SseTailSink implements TailSink {

    static final String READY = "ready";

    private final SseEventSink sink;
    private final Sse sse;
    private final Duration writeTimeout;
    private final Function<TailEvent, String> data;

    SseTailSink(SseEventSink sink, Sse sse, Duration writeTimeout) {
        this(sink, sse, writeTimeout, TailEvent::data);
    }

    public SseTailSink(SseEventSink sink, Sse sse, Duration writeTimeout, Function<TailEvent, String> data) {
        this.sink = sink;
        this.sse = sse;
        this.writeTimeout = writeTimeout;
        this.data = data;
    }

    @Override
    public void ready(TailFilter filter) throws Exception {
        write(sse.newEventBuilder().name(READY).mediaType(MediaType.TEXT_PLAIN_TYPE).data(filter.json()).build());
    }

    @Override
    public void send(TailEvent event) throws Exception {
        write(sse.newEventBuilder().name(event.eventType()).id(event.id()).mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(data.apply(event)).build());
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
