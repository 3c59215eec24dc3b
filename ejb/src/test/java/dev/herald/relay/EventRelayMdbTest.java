package dev.herald.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.herald.kernel.RecordingEventMetrics;
import dev.herald.publish.CarriedEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.publish.EventEnvelope;
import dev.herald.publish.EventMessages;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.redisson.client.RedisConnectionException;

/**
 * The relay MDB's counting: one {@code relayed} per (event, channel) unit over all deliveries of a message, also when
 * a delivery failed after some of its stream calls had succeeded (they are counted then, the redelivery skips them).
 */
class EventRelayMdbTest {

    private final RecordingEventMetrics metrics = new RecordingEventMetrics();
    private final List<String> failures = new ArrayList<>();

    @Test
    void aPartlyFailedDeliveryCountsWhatItWroteAndTheRedeliveryOnlyTheRest() {
        EventEnvelope envelope = ticketCreated("3f1c2a9e-0000-4000-8000-000000000001");
        RuntimeException redisDown = new IllegalStateException("Redis refused the billing stream's call");
        List<Function<List<CarriedEvent>, List<CarriedEvent>>> deliveries = List.of(
                events -> {
                    throw new PartlyRelayedException(List.of(events.get(0)), redisDown); // global written, billing not
                },
                events -> List.of(events.get(0))); // the redelivery writes billing only
        EventRelayMdb mdb = mdb(deliveries);

        PartlyRelayedException first = assertThrows(PartlyRelayedException.class,
                () -> mdb.onMessage(message(envelope, false)));
        assertSame(redisDown, first.getCause());
        mdb.onMessage(message(envelope, true));

        assertEquals(List.of("relayed:TICKET_CREATED", "publishToStream", "relayFailed", "relayed:TICKET_CREATED",
                "publishToStream"), metrics.calls, "two units, counted once each");
        assertEquals(List.of("attemptFailed:" + envelope.id(), "recovered:" + envelope.id()), failures);
    }

    @Test
    void aDeliveryWhileRedisIsBrieflyAwayIsRetriedInPlaceCountedOnceAndRecovered() {
        EventEnvelope envelope = ticketCreated("3f1c2a9e-0000-4000-8000-000000000002");
        List<Function<List<CarriedEvent>, List<CarriedEvent>>> attempts = List.of(
                events -> {
                    throw new PartlyRelayedException(List.of(events.get(0)), new RedisConnectionException("failing over"));
                },
                events -> List.of(events.get(0)));

        mdb(attempts).onMessage(message(envelope, false)); // does not throw: the broker never sees the failure

        assertEquals(List.of("relayed:TICKET_CREATED", "publishToStream", "relayFailed", "relayed:TICKET_CREATED",
                "publishToStream"), metrics.calls, "two units, counted once each");
        assertEquals(List.of("attemptFailed:" + envelope.id(), "recovered:" + envelope.id()), failures);
    }

    private EventRelayMdb mdb(List<Function<List<CarriedEvent>, List<CarriedEvent>>> deliveries) {
        EventRelayMdb mdb = new EventRelayMdb();
        int[] delivery = {0};
        mdb.relay = new RedisRelay() {
            @Override
            public List<CarriedEvent> relayed(List<CarriedEvent> events) {
                return deliveries.get(delivery[0]++).apply(events);
            }
        };
        mdb.failures = new RelayFailures() {
            @Override
            public void attemptFailed(List<CarriedEvent> events, Throwable error) {
                events.forEach(e -> failures.add("attemptFailed:" + e.eventId()));
            }

            @Override
            public void recovered(List<CarriedEvent> events) {
                events.forEach(e -> failures.add("recovered:" + e.eventId()));
            }
        };
        mdb.metrics = metrics;
        mdb.settings = RelaySettings.defaults();
        mdb.spans = dev.herald.tracing.EventSpans.NONE;
        return mdb;
    }

    private static EventEnvelope ticketCreated(String id) {
        return new EventEnvelope(id, "TICKET_CREATED", Instant.parse("2026-11-23T07:41:51.792Z"),
                Json.createObjectBuilder().add("tenantId", "t1").build());
    }

    /** A broker message of one event on global and billing, as the publisher sends it. */
    private static TextMessage message(EventEnvelope envelope, boolean redelivered) {
        Map<String, String> properties = Map.of(EventMessages.CHANNELS, "global,billing");
        return (TextMessage) Proxy.newProxyInstance(EventRelayMdbTest.class.getClassLoader(),
                new Class<?>[] {TextMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getText" -> EnvelopeJson.toJson(envelope);
                    case "getStringProperty" -> properties.get((String) args[0]);
                    case "propertyExists" -> properties.containsKey((String) args[0]);
                    case "getJMSRedelivered" -> redelivered;
                    case "getJMSMessageID" -> "ID:test";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
