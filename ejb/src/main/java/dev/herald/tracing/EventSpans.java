package dev.herald.tracing;

/**
 * The spans of the event path, and the W3C {@code traceparent} that carries a trace from one hop to the next (a JMS
 * message property, a field of a Redis stream entry). Tracing is off unless OpenTelemetry is switched on
 * (docs/operations.md "Tracing"); then every method here is close to free.
 */
public interface EventSpans {

    /** The name of the W3C header, used as is for the JMS property and the stream entry field. */
    String TRACEPARENT = "traceparent";

    /** Where OpenTelemetry is not available to the application: spans that record nothing and carry no context. */
    EventSpans NONE = new EventSpans() {
        @Override
        public EventSpan publishing(int events) {
            return EventSpan.NONE;
        }

        @Override
        public EventSpan receiving(String name, String traceparent, String eventId, String eventType) {
            return EventSpan.NONE;
        }
    };

    /** A span of the publish call, a child of whatever span is current (the HTTP request's, an EJB caller's). */
    EventSpan publishing(int events);

    /**
     * A span of one hop that received events (the relay, a subscriber delivery, a workflow trigger), a child of the
     * span named by {@code traceparent}; a new trace when there is none or it is malformed.
     */
    EventSpan receiving(String name, String traceparent, String eventId, String eventType);

    /** The open span of one hop, current on this thread until closed; closing it ends it. */
    interface EventSpan extends AutoCloseable {

        EventSpan NONE = new EventSpan() {
            @Override
            public String traceparent() {
                return null;
            }

            @Override
            public void failed(Throwable error) {
                // nothing is recorded without tracing; the caller still throws the error
            }

            @Override
            public void close() {
                // nothing was opened
            }
        };

        /** This span as the next hop's parent; null when it is not recorded (tracing is off). */
        String traceparent();

        /** Marks the span failed; the exception still propagates from the caller. */
        void failed(Throwable error);

        @Override
        void close();
    }
}
