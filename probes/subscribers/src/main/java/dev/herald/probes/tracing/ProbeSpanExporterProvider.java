package dev.herald.probes.tracing;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/** {@code otel.traces.exporter=herald-probe}: the test server's exporter (src/test/liberty/overrides/tracing-it.xml). */
public final class ProbeSpanExporterProvider implements ConfigurableSpanExporterProvider {

    @Override
    public SpanExporter createExporter(ConfigProperties config) {
        return ProbeSpanExporter.INSTANCE;
    }

    @Override
    public String getName() {
        return "herald-probe";
    }
}
