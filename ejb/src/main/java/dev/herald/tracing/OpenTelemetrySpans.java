package dev.herald.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link EventSpans} on OpenTelemetry's API. With the SDK off (Liberty's default) the tracer is a no-op and a span costs
 * an object or two. Only this class names OpenTelemetry's types, so that Herald
 * runs where the application cannot see them (docs/operations.md "Tracing").
 */
public final class OpenTelemetrySpans implements EventSpans {

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

    public OpenTelemetrySpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** On the container's OpenTelemetry (Liberty's mpTelemetry feature), or a no-op one when it provides none. */
    static EventSpans ofContainer(String instrumentation) {
        Instance<OpenTelemetry> telemetry = CDI.current().select(OpenTelemetry.class);
        OpenTelemetry open = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
        return new OpenTelemetrySpans(open.getTracer(instrumentation));
    }

    @Override
    public EventSpan publishing(int events) {
        Span span = tracer.spanBuilder("herald publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "herald").setAttribute("herald.events", events).startSpan();
        return new OpenSpan(span, span.makeCurrent());
    }

    @Override
    public EventSpan receiving(String name, String traceparent, String eventId, String eventType) {
        Context parent = traceparent == null ? Context.root() : W3C.extract(Context.root(), traceparent, ONE_HEADER);
        Span span = tracer.spanBuilder(name).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "herald")
                .setAttribute("herald.event.id", eventId == null ? "" : eventId)
                .setAttribute("herald.event.type", eventType == null ? "" : eventType).startSpan();
        return new OpenSpan(span, span.makeCurrent());
    }

    private static final class OpenSpan implements EventSpan {

        private final Span span;
        private final Scope scope;

        OpenSpan(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        @Override
        public String traceparent() {
            if (!span.getSpanContext().isValid()) {
                return null;
            }
            Map<String, String> headers = new HashMap<>(2);
            W3C.inject(Context.current().with(span), headers, Map::put);
            return headers.get(TRACEPARENT);
        }

        @Override
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
