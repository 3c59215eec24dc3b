package dev.herald.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.retention.LogCapture;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TailHubTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        threads.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String envelope(String id, String type, String tenant) {
        return "{\"eventType\":\"" + type + "\",\"payload\":{\"tenantId\":\"" + tenant + "\"},\"id\":\"" + id
                + "\",\"timestamp\":\"2026-11-23T07:41:51.792Z\"}";
    }

    private TailSubscriber open(TailHub hub, String tenant, List<String> types, RecordingSink sink) throws InterruptedException {
        TailSubscriber subscriber = hub.register(TailFilter.of(tenant, types), sink);
        threads.submit(subscriber::run);
        assertTrue(sink.awaitReady(), "ready signal");
        return subscriber;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    @Test
    void eachClientGetsItsTenantsEventsOfItsTypesOnlyAfterTheReadySignal() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMinutes(1), 100);
        RecordingSink acme = new RecordingSink();
        RecordingSink acmeTickets = new RecordingSink();
        RecordingSink globex = new RecordingSink();
        open(hub, "acme", null, acme);
        open(hub, "acme", List.of("TICKET_CREATED"), acmeTickets);
        open(hub, "globex", null, globex);

        String a1 = UUID.randomUUID().toString();
        String a2 = UUID.randomUUID().toString();
        String g1 = UUID.randomUUID().toString();
        assertEquals(2, hub.dispatch("event::TICKET_CREATED", envelope(a1, "TICKET_CREATED", "acme")));
        assertEquals(1, hub.dispatch("event::PROJECT_CREATED", envelope(a2, "PROJECT_CREATED", "acme")));
        assertEquals(1, hub.dispatch("event::TICKET_CREATED", envelope(g1, "TICKET_CREATED", "globex")));

        await("acme's two events", () -> acme.events().size() == 2);
        await("globex's event", () -> globex.events().size() == 1);
        assertEquals("ready {\"tenantId\":\"acme\",\"types\":[]}", acme.received.get(0));
        assertEquals(List.of("TICKET_CREATED " + a1, "PROJECT_CREATED " + a2), acme.events());
        await("acme's ticket", () -> acmeTickets.events().size() == 1);
        assertEquals(List.of("TICKET_CREATED " + a1), acmeTickets.events());
        assertEquals(List.of("TICKET_CREATED " + g1), globex.events());
    }

    @Test
    void anEventPublishedOnSeveralChannelsIsSentOnce() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMinutes(1), 100);
        RecordingSink acme = new RecordingSink();
        open(hub, "acme", null, acme);
        String id = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        // the relay publishes once per channel (global, internal-notifications), same envelope, same pub/sub channel
        assertEquals(1, hub.dispatch("event::TICKET_CREATED", envelope(id, "TICKET_CREATED", "acme")));
        assertEquals(0, hub.dispatch("event::TICKET_CREATED", envelope(id, "TICKET_CREATED", "acme")));
        assertEquals(1, hub.dispatch("event::TICKET_CREATED", envelope(second, "TICKET_CREATED", "acme")));
        await("two events", () -> acme.events().size() == 2);
        assertEquals(List.of("TICKET_CREATED " + id, "TICKET_CREATED " + second), acme.events());
    }

    @Test
    void aSlowClientIsDroppedWithAWarningAndTheOthersKeepReceiving() throws Exception {
        TailHub hub = new TailHub(3, Duration.ofMinutes(1), 100);
        RecordingSink fast = new RecordingSink();
        RecordingSink slow = new RecordingSink();
        open(hub, "acme", null, fast);
        open(hub, "acme", null, slow);
        slow.hanging();
        try (LogCapture log = new LogCapture(TailHub.class)) {
            int events = 10;
            long start = System.nanoTime();
            for (int i = 1; i <= events; i++) {
                hub.dispatch("event::TICKET_CREATED", envelope(UUID.randomUUID().toString(), "TICKET_CREATED", "acme"));
                int sent = i;
                await("the fast client's event " + i, () -> fast.events().size() == sent); // a reader that keeps up
            }
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "dispatch never waits for a client");
            await("every event at the fast client", () -> fast.events().size() == events);
            assertEquals(1, hub.size(), "the slow client is gone from the registry");
            assertEquals(1, log.at(Level.WARNING).size());
            assertTrue(log.at(Level.WARNING).get(0).getMessage().contains("queue of 3 events is full"),
                    log.at(Level.WARNING).get(0).getMessage());
        }
        slow.release();
        assertTrue(slow.awaitClosed(), "the dropped client's connection is closed by its own thread");
        assertTrue(slow.events().size() <= 1, "a dropped client gets no more than the write it was stuck in: " + slow.events());
    }

    @Test
    void aClientWhoseWritesFailIsRemovedAndLoggedWhileDispatchGoesOn() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMinutes(1), 100);
        RecordingSink gone = new RecordingSink();
        RecordingSink other = new RecordingSink();
        open(hub, "acme", null, gone);
        open(hub, "acme", null, other);
        gone.failWrites();
        try (LogCapture log = new LogCapture(TailSubscriber.class)) {
            hub.dispatch("event::TICKET_CREATED", envelope(UUID.randomUUID().toString(), "TICKET_CREATED", "acme"));
            assertTrue(gone.awaitClosed(), "closed after the failed write");
            await("removed from the registry", () -> hub.size() == 1);
            await("logged", () -> !log.at(Level.INFO).isEmpty());
            assertTrue(log.at(Level.INFO).get(0).getMessage().contains("Broken pipe"), log.at(Level.INFO).get(0).getMessage());
        }
        hub.dispatch("event::TICKET_CREATED", envelope(UUID.randomUUID().toString(), "TICKET_CREATED", "acme"));
        await("both events at the other client", () -> other.events().size() == 2);
    }

    @Test
    void aClosedConnectionIsNoticedByTheKeepAliveAndRemoved() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMillis(50), 100);
        RecordingSink sink = new RecordingSink();
        open(hub, "acme", null, sink);
        await("a keep-alive", () -> sink.received.contains(": keep-alive"));
        sink.disconnect();
        assertTrue(sink.awaitClosed());
        await("removed from the registry", () -> hub.size() == 0);
    }

    @Test
    void aMessageThatIsNoEnvelopeIsLoggedAndSkipped() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMinutes(1), 100);
        RecordingSink sink = new RecordingSink();
        open(hub, "acme", null, sink);
        try (LogCapture log = new LogCapture(TailHub.class)) {
            assertEquals(0, hub.dispatch("event::TICKET_CREATED", "{\"hello\":1}"));
            assertEquals(1, log.at(Level.WARNING).size());
            assertTrue(log.at(Level.WARNING).get(0).getMessage().contains("event::TICKET_CREATED"));
        }
        String id = UUID.randomUUID().toString();
        hub.dispatch("event::TICKET_CREATED", envelope(id, "TICKET_CREATED", "acme"));
        await("the next event", () -> sink.events().equals(List.of("TICKET_CREATED " + id)));
    }

    @Test
    void stopAllEndsEveryStream() throws Exception {
        TailHub hub = new TailHub(10, Duration.ofMinutes(1), 100);
        RecordingSink one = new RecordingSink();
        RecordingSink two = new RecordingSink();
        open(hub, "acme", null, one);
        open(hub, "globex", null, two);
        hub.stopAll("the application is stopping");
        assertTrue(one.awaitClosed());
        assertTrue(two.awaitClosed());
        assertEquals(0, hub.size());
    }

    @Test
    void channelPatternMatchesEveryTypeUnderTheConfiguredPrefixOnly() {
        assertEquals("event::*", LiveTail.pattern("event:"));
        assertEquals("my\\[app\\]\\*:*", LiveTail.pattern("my[app]*"));
    }
}
