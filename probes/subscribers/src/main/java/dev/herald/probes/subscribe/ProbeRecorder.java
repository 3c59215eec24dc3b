package dev.herald.probes.subscribe;

import dev.herald.events.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the test probes received, every invocation, in memory: the integration tests read it over HTTP. */
@ApplicationScoped
public class ProbeRecorder {

    /** One invocation of a probe. {@code ticketId} is the payload bound through {@link ReceivedEvent#bind}. */
    public record Invocation(String subscriberId, String eventId, String eventType, String channel, String tenantId,
                             String stream, String entryId, String ticketId, Instant at) {
    }

    /** The payload fields a probe binds to, as a subscriber would bind its own record. */
    public record TicketPayload(String tenantId, String ticketId) {
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    private final Map<String, List<Invocation>> invocations = new ConcurrentHashMap<>();
    private final Map<String, List<String>> typed = new ConcurrentHashMap<>();

    /** A typed probe's record as JSON-B writes it: what the observer was given, field by field. */
    void recordTyped(String subscriberId, Object record) {
        List<String> list = typed.computeIfAbsent(subscriberId, id -> new ArrayList<>());
        synchronized (list) {
            list.add(JSONB.toJson(record));
        }
    }

    /** The records a typed probe received, as JSON texts, in order. */
    public List<String> typedOf(String subscriberId) {
        List<String> list = typed.getOrDefault(subscriberId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }

    void record(String subscriberId, ReceivedEvent event) {
        TicketPayload bound = event.bind(TicketPayload.class);
        Invocation invocation = new Invocation(subscriberId, event.id(), event.eventType(), event.channel(),
                event.tenantId(), event.stream(), event.entryId(), bound.ticketId(), Instant.now());
        List<Invocation> list = invocations.computeIfAbsent(subscriberId, id -> new ArrayList<>());
        synchronized (list) {
            list.add(invocation);
        }
    }

    public List<Invocation> of(String subscriberId) {
        List<Invocation> list = invocations.getOrDefault(subscriberId, List.of());
        synchronized (list) {
            return List.copyOf(list);
        }
    }
}
