package dev.herald.it;

import static dev.herald.it.Events.PROJECT_CREATED_STREAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/**
 * 10,000 events published while the application is stopped and started again in the middle of the stream: every
 * accepted event reaches Redis once. The client does what a real one must: it retries a batch that got no answer,
 * with the same idempotency keys, so a batch that committed before the stop is answered, not published again.
 */
class PublishingAcrossRestartIT extends RedisProbeTestBase {

    private static final String DEPLOYMENT = "herald-restart";
    private static final int EVENTS = 10_000;
    private static final int PER_BATCH = 50;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void tenThousandEventsAcrossARestartAllArriveOnce() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger retries = new AtomicInteger();
        deployer.deploy(DEPLOYMENT);
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try {
            Future<?> publishing = publisher.submit(() -> {
                for (int batch = 0; batch < EVENTS / PER_BATCH; batch++) {
                    accepted.addAll(publishUntilAccepted(tenant, batch, retries));
                }
                return null;
            });
            Eventually.await("a third of the events accepted", Duration.ofSeconds(120),
                    () -> accepted.size() >= EVENTS / 3 ? true : null);
            deployer.undeploy(DEPLOYMENT);
            deployer.deploy(DEPLOYMENT);
            publishing.get();

            assertEquals(EVENTS, accepted.size(), "every event got its own id");
            assertTrue(retries.get() > 0, "the restart really interrupted the publisher");
            List<String> onStream = Eventually.await("all " + EVENTS + " events on the stream", Duration.ofSeconds(180), () -> {
                List<String> ids = Events.idsOfTenant(redis.entries(PROJECT_CREATED_STREAM), tenant);
                return ids.size() >= EVENTS ? ids : null;
            });
            Thread.sleep(2_000); // room for a duplicate that must not come
            onStream = Events.idsOfTenant(redis.entries(PROJECT_CREATED_STREAM), tenant);
            assertEquals(EVENTS, onStream.size(), "no duplicates");
            assertEquals(accepted, new HashSet<>(onStream));
        } finally {
            publisher.shutdownNow();
            deployer.undeploy(DEPLOYMENT);
        }
    }

    /** Sends one batch until the server accepts it, always with the same idempotency keys. */
    private Set<String> publishUntilAccepted(String tenant, int batch, AtomicInteger retries) throws InterruptedException {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (int i = 0; i < PER_BATCH; i++) {
            events.add(Events.projectCreated(tenant).add("idempotencyKey", "restart-" + batch + "-" + i));
        }
        jakarta.json.JsonArray body = events.build();
        while (true) {
            try {
                HeraldClient.Reply reply = herald.post("api/events/batch", body);
                if (reply.status() == 202) {
                    Set<String> ids = new HashSet<>(reply.json().getJsonArray("eventIds").getValuesAs(JsonString::getString));
                    assertEquals(PER_BATCH, ids.size());
                    return ids;
                }
            } catch (java.io.IOException stoppedOrStarting) {
                // the application is going down or coming up: the same batch again, below
            }
            retries.incrementAndGet();
            Thread.sleep(100);
        }
    }
}
