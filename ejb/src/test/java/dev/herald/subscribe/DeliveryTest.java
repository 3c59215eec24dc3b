package dev.herald.subscribe;

import dev.herald.events.ReceivedEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.kernel.RecordingEventMetrics;
import dev.herald.kernel.WireJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    static ReceivedEvent event(String id, String tenant) {
        return new ReceivedEvent(id, "TICKET_CREATED", Instant.parse("2026-11-23T07:41:51.792Z"), "global", tenant,
                WireJson.parseObject("{\"tenantId\":\"" + tenant + "\"}"), "s", "1-0");
    }

    static Subscription subscriber(String id, String... tenants) {
        return new Subscription(id, List.of("TICKET_CREATED"), "global", Set.of(tenants), "", "Probe." + id);
    }

    private final ObserverInvoker probes = (subscription, event) -> {
        runs.computeIfAbsent(subscription.id(), k -> new AtomicInteger()).incrementAndGet();
        switch (subscription.id()) {
            case "throws" -> throw new IllegalStateException("boom");
            case "hangs" -> {
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            default -> { }
        }
    };

    private Delivery delivery() {
        return new Delivery(probes, executor::submit, ledger, Duration.ofMillis(300));
    }

    private int runs(String id) {
        return runs.getOrDefault(id, new AtomicInteger()).get();
    }

    @Test
    void aThrowingAndAHangingObserverNeitherBlockNorFailTheirSibling() throws Exception {
        long start = System.nanoTime();
        Delivery.Outcome outcome = delivery().deliver(event("e1", "acme"),
                List.of(subscriber("throws"), subscriber("hangs"), subscriber("good")));
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertTrue(millis < 2_000, "the hanging observer costs its timeout, not its sleep: " + millis + " ms");
        assertEquals(Delivery.Status.FAILED, outcome.statusOf("throws"));
        assertEquals(Delivery.Status.TIMED_OUT, outcome.statusOf("hangs"));
        assertEquals(Delivery.Status.HANDLED, outcome.statusOf("good"));
        assertFalse(outcome.allDone(), "not acknowledged while a subscriber failed");
        assertTrue(outcome.reason().contains("throws: FAILED IllegalStateException: boom"), outcome.reason());
        assertTrue(outcome.reason().contains("hangs: TIMED_OUT"), outcome.reason());
        assertFalse(outcome.reason().contains("good"), outcome.reason());
    }

    @Test
    void eachSubscribersResultIsCountedUnderItsId() throws Exception {
        RecordingEventMetrics metrics = new RecordingEventMetrics();
        Delivery counting = new Delivery(probes, executor::submit, ledger, Duration.ofMillis(300), metrics,
                dev.herald.tracing.EventSpans.NONE);
        List<Subscription> subscribers = List.of(subscriber("throws"), subscriber("hangs"), subscriber("good"),
                subscriber("other", "globex"));
        counting.deliver(event("e1", "acme"), subscribers);
        counting.deliver(event("e1", "acme"), subscribers);

        assertEquals(List.of("deliveryFailed:throws", "deliveryTimedOut:hangs", "delivered:good",
                "deliveryFailed:throws", "deliveryTimedOut:hangs"), metrics.calls,
                "an already handled delivery and one not for the tenant count nothing");
    }

    @Test
    void onRedeliveryOnlyTheSubscribersThatFailedRunAgain() throws Exception {
        List<Subscription> subscribers = List.of(subscriber("throws"), subscriber("good"));
        delivery().deliver(event("e1", "acme"), subscribers);
        Delivery.Outcome again = delivery().deliver(event("e1", "acme"), subscribers);

        assertEquals(1, runs("good"));
        assertEquals(2, runs("throws"));
        assertEquals(Delivery.Status.ALREADY_HANDLED, again.statusOf("good"));
    }

    @Test
    void theSameEventOnAnotherChannelIsDeliveredAgain() throws Exception {
        delivery().deliver(event("e1", "acme"), List.of(subscriber("good")));
        ReceivedEvent other = event("e1", "acme");
        other = new ReceivedEvent(other.id(), other.eventType(), other.timestamp(), "internal", other.tenantId(),
                other.payload(), other.stream(), other.entryId());
        delivery().deliver(other, List.of(subscriber("good")));
        assertEquals(2, runs("good"), "dedupe is keyed by event id, channel and subscriber");
    }

    @Test
    void anEventOfAnotherTenantSkipsTheRestrictedSubscriberAndCountsAsDone() throws Exception {
        Delivery.Outcome outcome = delivery().deliver(event("e1", "globex"),
                List.of(subscriber("good", "acme"), subscriber("all")));
        assertEquals(Delivery.Status.NOT_FOR_TENANT, outcome.statusOf("good"));
        assertEquals(0, runs("good"));
        assertEquals(1, runs("all"));
        assertTrue(outcome.allDone());
    }

    @Test
    void everySubscriberSucceedingMeansAcknowledge() throws Exception {
        Delivery.Outcome outcome = delivery().deliver(event("e1", "acme"), List.of(subscriber("a"), subscriber("b")));
        assertTrue(outcome.allDone());
        assertEquals(Set.of("e1:global:a", "e1:global:b"), ledger.marks);
    }

    /**
     * A runner like the server's ({@link ObserverTasks}): {@code Future.cancel(true)} on a timed-out observer does not
     * interrupt its thread, so the observer goes on and finishes late. The threads are kept to be joined.
     */
    private final List<Thread> started = new java.util.concurrent.CopyOnWriteArrayList<>();

    private final TaskRunner nonInterrupting = task -> {
        java.util.concurrent.CompletableFuture<Void> future = new java.util.concurrent.CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(task.call());
            } catch (Exception | Error e) {
                future.completeExceptionally(e);
            }
        });
        started.add(thread);
        thread.start();
        return future;
    };

    @Test
    void anObserverThatFinishesAfterItsTimeoutIsNotRunAgainWhenTheEntryIsRedelivered() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ObserverInvoker late = (subscription, event) -> {
            runs.computeIfAbsent(subscription.id(), k -> new AtomicInteger()).incrementAndGet();
            if (subscription.id().equals("late")) {
                boolean released = false;
                while (!released) { // deaf to interruption: only the test lets it finish
                    try {
                        released = release.await(1, java.util.concurrent.TimeUnit.MINUTES);
                    } catch (InterruptedException ignored) {
                        // an interrupting runner would land here; the observer carries on
                    }
                }
            }
        };
        Delivery delivery = new Delivery(late, nonInterrupting, ledger, Duration.ofMillis(200));
        List<Subscription> subscribers = List.of(subscriber("late"), subscriber("good"));

        Delivery.Outcome first = delivery.deliver(event("e1", "acme"), subscribers);
        assertEquals(Delivery.Status.TIMED_OUT, first.statusOf("late"), "it cannot finish before the test releases it");
        assertEquals(Delivery.Status.HANDLED, first.statusOf("good"));
        assertFalse(first.allDone(), "the entry is not acknowledged: it will be redelivered");

        release.countDown(); // the observer finishes, after its timeout
        for (Thread thread : started) {
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the observer's task ended");
        }
        Delivery.Outcome redelivered = delivery.deliver(event("e1", "acme"), subscribers);

        assertEquals(1, runs("late"), "the observer that finished late ran once");
        assertEquals(1, runs("good"));
        assertEquals(Delivery.Status.ALREADY_HANDLED, redelivered.statusOf("late"));
        assertEquals(Delivery.Status.ALREADY_HANDLED, redelivered.statusOf("good"));
        assertTrue(redelivered.allDone(), "now acknowledged");
        assertEquals(Set.of("e1:global:late", "e1:global:good"), ledger.marks);
    }
}
