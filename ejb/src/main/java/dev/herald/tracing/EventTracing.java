package dev.herald.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import java.util.logging.Logger;

/**
 * Gives the event path its {@link EventSpans}: on the tracer of Liberty's mpTelemetry feature when the application can
 * see OpenTelemetry's API (a third-party API in Liberty: the application's classloader must name it), otherwise spans
 * that record nothing. Tracing then records only once the SDK is on ({@code otel.sdk.disabled=false}).
 */
@ApplicationScoped
public class EventTracing {

    private static final Logger LOG = Logger.getLogger(EventTracing.class.getName());
    static final String INSTRUMENTATION = "dev.herald";
    private static final String API = "io.opentelemetry.api.OpenTelemetry";

    @Produces
    @Singleton
    EventSpans spans() {
        try {
            Class.forName(API, false, EventTracing.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.info("Tracing is unavailable: the application does not see OpenTelemetry's API (" + API + "); declare"
                    + " it with <classloader apiTypeVisibility=\"+third-party\"/> to trace (docs/operations.md \"Tracing\")");
            return EventSpans.NONE;
        }
        return OpenTelemetrySpans.ofContainer(INSTRUMENTATION);
    }
}
