package dev.herald.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenTelemetrySpansTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final EventSpans spans = new OpenTelemetrySpans(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build().get("test"));

    @Test
    void publishRelayAndDeliveryShareOneTraceThroughTheirTraceparents() {
        String fromPublish;
        try (EventSpans.EventSpan publish = spans.publishing(1)) {
            fromPublish = publish.traceparent();
        }
        String fromRelay;
        try (EventSpans.EventSpan relay = spans.receiving("herald relay", fromPublish, "e-1", "TICKET_CREATED")) {
            fromRelay = relay.traceparent();
        }
        try (EventSpans.EventSpan delivery = spans.receiving("herald deliver", fromRelay, "e-1", "TICKET_CREATED")) {
            assertTrue(delivery.traceparent().startsWith("00-"));
        }
        List<SpanData> ended = exported.getFinishedSpanItems();
        assertEquals(3, ended.size());
        SpanData publish = ended.get(0);
        SpanData relay = ended.get(1);
        SpanData delivery = ended.get(2);
        assertEquals(SpanKind.PRODUCER, publish.getKind());
        assertEquals(publish.getTraceId(), relay.getTraceId());
        assertEquals(publish.getTraceId(), delivery.getTraceId());
        assertEquals(publish.getSpanId(), relay.getParentSpanId());
        assertEquals(relay.getSpanId(), delivery.getParentSpanId());
        assertEquals("e-1", relay.getAttributes().asMap().entrySet().stream()
                .filter(e -> e.getKey().getKey().equals("herald.event.id")).findFirst().orElseThrow().getValue());
    }

    @Test
    void aMissingOrMalformedTraceparentStartsANewTrace() {
        try (EventSpans.EventSpan none = spans.receiving("herald relay", null, "e-1", "T");
             EventSpans.EventSpan malformed = spans.receiving("herald relay", "not-a-traceparent", "e-2", "T")) {
            assertTrue(none.traceparent() != null && malformed.traceparent() != null);
        }
        exported.getFinishedSpanItems().forEach(span -> assertEquals("0000000000000000", span.getParentSpanId()));
    }

    @Test
    void aFailedHopIsMarkedAsAnError() {
        try (EventSpans.EventSpan relay = spans.receiving("herald relay", null, "e-1", "T")) {
            relay.failed(new IllegalStateException("Redis away"));
        }
        assertEquals(StatusCode.ERROR, exported.getFinishedSpanItems().get(0).getStatus().getStatusCode());
    }

    @Test
    void withTracingOffThereIsNoTraceparentToCarry() {
        EventSpans off = new OpenTelemetrySpans(OpenTelemetry.noop().getTracer("test"));
        try (EventSpans.EventSpan publish = off.publishing(3)) {
            assertNull(publish.traceparent());
        }
    }
}
