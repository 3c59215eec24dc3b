package dev.herald.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The spans of the event path, and the W3C {@code traceparent} that carries a trace from one hop to the next (a JMS
 * message property, a field of a Redis stream entry). Plain code over OpenTelemetry's API: with the SDK off (Liberty's
 * default) the tracer is a no-op and every span here costs an object or two.
 */
public final class EventSpans {

    /** The name of the W3C header, used as is for the JMS property and the stream entry field. */
    public static final String TRACEPARENT = "traceparent";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String traceparent) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String traceparent, String key) {
            return TRACEPARENT.equals(key) ? traceparent : null;
        }
    };

    private final Tracer tracer;

    public EventSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** A span of the publish call, a child of whatever span is current (the HTTP request's, an EJB caller's). */
    public EventSpan publishing(int events) {
        Span span = tracer.spanBuilder("herald publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "herald").setAttribute("herald.events", events).startSpan();
        return new EventSpan(span, span.makeCurrent());
    }

    /**
     * A span of one hop that received events (the relay, a subscriber delivery, a workflow trigger), a child of the
     * span named by {@code traceparent}; a new trace when there is none or it is malformed.
     */
    public EventSpan receiving(String name, String traceparent, String eventId, String eventType) {
        Context parent = traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, ONE_HEADER);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "herald")
                .setAttribute("herald.event.id", eventId == null ? "" : eventId)
                .setAttribute("herald.event.type", eventType == null ? "" : eventType).startSpan();
        return new EventSpan(span, span.makeCurrent());
    }

    /** The open span of one hop; closing it ends it. */
    public static final class EventSpan implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        EventSpan(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** This span as the next hop's parent; null when it is not recorded (tracing is off). */
        public String traceparent() {
            if (!span.getSpanContext().isValid()) {
                return null;
            }
            Map<String, String> headers = new HashMap<>(2);
            W3C.inject(Context.current().with(span), headers, Map::put);
            return headers.get(TRACEPARENT);
        }

        /** Marks the span failed; the exception still propagates from the caller. */
        public void failed(Throwable error) {
            span.recordException(error);
            span.setStatus(StatusCode.ERROR, String.valueOf(error.getMessage()));
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }
}
