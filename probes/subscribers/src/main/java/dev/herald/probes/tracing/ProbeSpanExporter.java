package dev.herald.probes.tracing;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the last spans the server exported, in memory, for TracingIT to read through {@code /probes/traces}. Bounded,
 * since every request of the whole test suite is traced on the test server.
 */
public final class ProbeSpanExporter implements SpanExporter {

    static final ProbeSpanExporter INSTANCE = new ProbeSpanExporter();
    private static final int KEPT = 10_000;

    private final Deque<SpanData> spans = new ArrayDeque<>();

    private ProbeSpanExporter() {
    }

    public static List<SpanData> recorded() {
        synchronized (INSTANCE.spans) {
            return List.copyOf(INSTANCE.spans);
        }
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> exported) {
        synchronized (spans) {
            spans.addAll(exported);
            while (spans.size() > KEPT) {
                spans.removeFirst();
            }
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
