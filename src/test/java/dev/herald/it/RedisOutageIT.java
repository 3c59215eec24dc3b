package dev.herald.it;

import static dev.herald.it.Events.TICKET_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import dev.herald.redis.RedisRetryBudget;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Redis down for longer than the Redis client can ride out inside one call, so that Herald's own relay-failure path
 * runs: the relay call fails, the failed attempt is recorded, Artemis redelivers with backoff, and once Redis is back
 * a redelivery writes the event once on each of its channels and the record ends RECOVERED.
 *
 * <p>The client's budget is computed from the IT server's configuration ({@code liberty/overrides/redis-it.xml}, the
 * file Liberty reads) with {@link RedisRetryBudget}, the class that configures Redisson, and the test asserts that the
 * outage outlasted it. That file shortens the budget (2 s timeout, one retry after 0.5 s: 8.5 s instead of 22 s):
 * the test broker dead-letters at the sixth delivery, after 15.5 s of backoff, so an outage past the production
 * budget would end with the event DEAD_LETTERED instead of recovering.
 *
 * <p>Redis keeps nothing across a restart here (no persistence). Nothing of this event is written before the outage,
 * so afterwards every entry of the test's tenant on a stream is one the relay wrote after Redis came back, and
 * exactly one per channel means the redeliveries added no duplicate.
 */
class RedisOutageIT extends RedisPipelineTestBase {

    static final String OTHER_CHANNEL = "outage-it";
    static final String OTHER_STREAM = "alga-psa:event-stream:" + OTHER_CHANNEL + ":TICKET_CREATED";

    @Test
    void anEventPublishedDuringAnOutageLongerThanTheClientsRetryBudgetIsRedeliveredAndRelayedOncePerChannel()
            throws Exception {
        Duration budget = itServerRetryBudget().longestCall();
        Duration brokerPatience = brokerBackoffBeforeDeadLetter();
        assertTrue(budget.compareTo(brokerPatience) < 0, "the outage must outlast the client's budget (" + budget
                + ") and end before the broker's redeliveries, whose delays alone add up to " + brokerPatience
                + ", dead-letter the event: shorten the budget in redis-it.xml");

        DevRedis server = DevServicesSession.services().redis();
        server.stop();
        long down = System.nanoTime();
        String eventId;
        JsonObject failing;
        Duration outage;
        try {
            HeraldClient.Reply reply = herald.post("api/events",
                    Events.channels(Events.ticketCreated(tenant), "global", OTHER_CHANNEL));
            assertEquals(202, reply.status(), "publishing needs the broker, not Redis: " + reply.body());
            eventId = reply.json().getString("eventId");

            // Redis stays down until the relay has failed twice (one failed call, then a redelivery that failed too)
            // and the outage is longer than any single call could have waited.
            failing = Eventually.await("two failed relay attempts and an outage longer than " + budget,
                    Duration.ofSeconds(60), () -> {
                        JsonObject record = failedRecord(eventId);
                        if (record == null) {
                            return null;
                        }
                        assertEquals("RETRYING", record.getString("status"), "not dead-lettered during the outage: " + record);
                        boolean longEnough = Duration.ofNanos(System.nanoTime() - down).compareTo(budget) > 0;
                        return record.getInt("attempts") >= 2 && longEnough ? record : null;
                    });
            outage = Duration.ofNanos(System.nanoTime() - down);
        } finally {
            server.start();
        }

        System.out.printf("RedisOutageIT: budget %s, Redis down %s, record at restart %s%n", budget, outage, failing);
        assertTrue(outage.compareTo(budget) > 0, "Redis was down for " + outage + ", longer than the " + budget
                + " one Redis call can ride out");
        assertTrue(failing.getString("lastError", "").contains("Redis"), "the relay's failure was Redis': " + failing);
        assertEquals("global," + OTHER_CHANNEL, failing.getString("channels"), failing.toString());

        JsonObject recovered = Eventually.await("the record of " + eventId + " RECOVERED", Duration.ofSeconds(60), () -> {
            JsonObject record = failedRecord(eventId);
            assertTrue(record != null && !record.getString("status").equals("DEAD_LETTERED"),
                    "the broker gave up before Redis was back: " + record);
            return record.getString("status").equals("RECOVERED") ? record : null;
        });
        System.out.printf("RedisOutageIT: recovered %s%n", recovered);
        assertTrue(recovered.getInt("attempts") > 1, "the broker redelivered after a failed relay: " + recovered);

        // RECOVERED is recorded after the relay call returned: every write of the event is on Redis by now.
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(TICKET_CREATED_STREAM), tenant),
                "one entry on the global stream");
        assertEquals(List.of(eventId), Events.idsOfTenant(redis.entries(OTHER_STREAM), tenant),
                "one entry on the " + OTHER_CHANNEL + " stream");
        assertEquals(List.of(eventId), workflowEntriesOf(tenant).stream().map(e -> e.get("event_id")).toList(),
                "one entry on the workflow stream");
        assertEquals(OTHER_CHANNEL, redis.entries(OTHER_STREAM).stream().filter(e -> eventId.equals(Events.id(e)))
                .findFirst().orElseThrow().get("channel"));
    }

    private JsonObject failedRecord(String eventId) {
        try {
            HeraldClient.Reply reply = operator.get("api/relay/failed/" + eventId);
            if (reply.status() == 404) {
                return null;
            }
            assertEquals(200, reply.status(), reply.body());
            return reply.json();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Redis client settings of the IT server, as Liberty reads them from its configDropins/overrides file. */
    static RedisRetryBudget itServerRetryBudget() throws Exception {
        Path file = Path.of(System.getProperty("herald.it.overrides", "liberty/overrides")).resolve("redis-it.xml");
        assertTrue(Files.isRegularFile(file), file + " holds the IT server's Redis client settings");
        NodeList variables = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                .getElementsByTagName("variable");
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < variables.getLength(); i++) {
            Element variable = (Element) variables.item(i);
            values.put(variable.getAttribute("name"), variable.getAttribute("value"));
        }
        return new RedisRetryBudget(Duration.parse(values.getOrDefault("herald.redis.timeout", "PT3S")),
                Integer.parseInt(values.getOrDefault("herald.redis.retry-attempts", "2")),
                Optional.ofNullable(values.get("herald.redis.retry-delay")).map(Duration::parse));
    }

    /** The sum of the test broker's redelivery delays before it dead-letters (DevBroker, set by the failsafe config). */
    static Duration brokerBackoffBeforeDeadLetter() {
        int deliveries = Integer.getInteger("herald.broker.maxDeliveryAttempts", 10);
        long delay = Long.getLong("herald.broker.redeliveryDelayMs", 500L);
        long total = 0;
        for (int i = 1; i < deliveries; i++) {
            total += Math.min(delay, 30_000L);
            delay *= 2;
        }
        return Duration.ofMillis(total);
    }
}
