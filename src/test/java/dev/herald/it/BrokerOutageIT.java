package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevBroker;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away under a running server: publishing answers 503 with Retry-After (never a 500), readiness is
 * DOWN naming the broker, and once the broker is back publishing works again without a restart of anything.
 */
class BrokerOutageIT extends RedisPipelineTestBase {

    private static final Duration OUTAGE_VISIBLE = Duration.ofSeconds(90);
    /**
     * Longer than the publishers' reconnection budget (herald.broker.reconnect-attempts 5 × retry-interval 1 s) and
     * than the relay's first reconnections, so that every client of the broker has given up a connection at least
     * once: an outage shorter than the clients' retries would test nothing but those retries.
     */
    private static final Duration OUTAGE = Duration.ofSeconds(20);

    @Test
    void publishingDuringABrokerOutageIsA503WithRetryAfterAndRecoversWithoutARestart() throws Exception {
        DevBroker broker = DevServicesSession.services().broker();
        long stopped = System.nanoTime();
        broker.stop();
        try {
            Eventually.await("readiness DOWN naming the broker", OUTAGE_VISIBLE,
                    () -> "DOWN".equals(brokerCheck().getString("status")) ? Boolean.TRUE : null);
            HttpResponse<String> refused = Eventually.await("a publish refused while the broker is down", OUTAGE_VISIBLE, () -> {
                HttpResponse<String> reply = post();
                return reply.statusCode() == 202 ? null : reply;
            });
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
            JsonObject problem = new HeraldClient.Reply(refused.statusCode(), refused.body()).json();
            assertEquals(503, problem.getInt("status"));
            assertTrue(problem.getString("detail").contains("broker"), problem.toString());
            String retryAfter = refused.headers().firstValue("Retry-After").orElse("");
            assertTrue(retryAfter.matches("\\d+"), "Retry-After: " + retryAfter);
            assertEquals(503, herald.get("health/ready").status(), "not ready while the broker is down");
            Duration remaining = OUTAGE.minus(Duration.ofNanos(System.nanoTime() - stopped));
            if (!remaining.isNegative()) {
                Thread.sleep(remaining.toMillis()); // the outage's length is the scenario, not a wait for a result
            }
            assertEquals(503, post().statusCode(), "still refused at the end of the outage");
        } finally {
            broker.start();
        }
        HttpResponse<String> accepted = Eventually.await("a publish accepted once the broker is back", OUTAGE_VISIBLE, () -> {
            HttpResponse<String> reply = post();
            return reply.statusCode() == 202 ? reply : null;
        });
        String eventId = new HeraldClient.Reply(accepted.statusCode(), accepted.body()).json().getString("eventId");
        Map<String, String> entry = awaitEntry(Events.PROJECT_CREATED_STREAM, eventId);
        assertEquals(tenant, Events.tenant(entry));
        Eventually.await("readiness UP again", OUTAGE_VISIBLE, () -> "UP".equals(brokerCheck().getString("status")) ? Boolean.TRUE : null);
    }

    private HttpResponse<String> post() {
        try {
            return herald.exchange(HttpRequest.newBuilder(herald.uri("api/events")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Events.projectCreated(tenant).build().toString())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonObject brokerCheck() {
        try {
            return herald.get("health/ready").json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> "broker".equals(check.getString("name"))).findFirst().orElseThrow();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
