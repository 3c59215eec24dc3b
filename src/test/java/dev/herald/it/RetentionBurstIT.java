package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.redisson.api.RStream;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Today's producers trim every stream to ~1000 entries, so a consumer that lags by more loses events. Herald runs
 * its retention here with max-length 1000 every second on the {@code retention-it} channel (src/test/pom.xml), and a
 * deliberately slow consumer group must still read all 10,000 events of a burst.
 */
class RetentionBurstIT extends RedisPipelineTestBase {

    private static final String CHANNEL = "retention-it";
    private static final String STREAM = "alga-psa:event-stream:" + CHANNEL + ":TICKET_CREATED";
    private static final int EVENTS = 10_000;
    private static final long MAX_LENGTH = 1000;

    @Test
    void aSlowConsumerGroupLosesNothingOfATenThousandBurstWhileRetentionRuns() throws Exception {
        String group = "slow-" + UUID.randomUUID();
        RStream<String, String> stream = redis.client().getStream(STREAM, StringCodec.INSTANCE);
        stream.createGroup(StreamCreateGroupArgs.name(group).id(new StreamMessageId(0, 0)).makeStream());

        Set<String> received = ConcurrentHashMap.newKeySet();
        AtomicLong longest = new AtomicLong();
        AtomicBoolean reading = new AtomicBoolean(true);
        ExecutorService consumer = Executors.newSingleThreadExecutor();
        Future<?> slowReader = consumer.submit(() -> {
            while (reading.get()) {
                Map<StreamMessageId, Map<String, String>> read = stream.readGroup(group, "slow-1",
                        StreamReadGroupArgs.neverDelivered().count(50).timeout(Duration.ofMillis(200)));
                for (Map<String, String> fields : read.values()) {
                    JsonObject envelope = TicketEventRelayIT.parse(fields.get("event"));
                    if (tenant.equals(envelope.getJsonObject("payload").getString("tenantId"))) {
                        received.add(envelope.getString("id"));
                    }
                }
                if (!read.isEmpty()) {
                    stream.ack(group, read.keySet().toArray(StreamMessageId[]::new));
                }
                longest.accumulateAndGet(stream.size(), Math::max);
                Thread.sleep(50);
            }
            return null;
        });
        try {
            Set<String> published = new HashSet<>();
            for (int batch = 0; batch < EVENTS / 100; batch++) {
                JsonArrayBuilder events = Json.createArrayBuilder();
                for (int i = 0; i < 100; i++) {
                    events.add(Json.createObjectBuilder(Events.channels(Events.ticketCreated(tenant), CHANNEL)));
                }
                HeraldClient.Reply reply = herald.post("api/events/batch", events.build());
                assertEquals(202, reply.status(), reply.body());
                published.addAll(reply.json().getJsonArray("eventIds").getValuesAs(JsonString::getString));
            }
            assertEquals(EVENTS, published.size());

            Eventually.await("the slow group to read every event", Duration.ofSeconds(180),
                    () -> received.size() >= EVENTS ? true : null);
            assertEquals(published, received, "not one event lost to retention");
            assertTrue(longest.get() > MAX_LENGTH, "the group lagged beyond max-length (" + longest.get()
                    + " entries at most), so retention had to hold entries back for it");
            Eventually.await("retention to trim the read entries down to max-length", Duration.ofSeconds(30),
                    () -> stream.size() <= MAX_LENGTH ? true : null);
        } finally {
            reading.set(false);
            slowReader.get();
            consumer.shutdown();
        }
    }
}
