package dev.herald.tracing;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Gives the event path its {@link EventSpans}, on the tracer of Liberty's mpTelemetry feature. Tracing is off until
 * the OpenTelemetry SDK is switched on ({@code otel.sdk.disabled=false}, docs/operations.md "Tracing").
 */
@ApplicationScoped
public class EventTracing {

    static final String INSTRUMENTATION = "dev.herald";

    @Inject
    Instance<OpenTelemetry> telemetry;

    @Produces
    @Singleton
    EventSpans spans() {
        OpenTelemetry open = telemetry.isResolvable() ? telemetry.get() : OpenTelemetry.noop();
        return new EventSpans(open.getTracer(INSTRUMENTATION));
    }
}
