package dev.herald.probes.subscribe;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What {@code probe-hangs} hangs on: one latch per event id, opened only by the test
 * ({@code POST /probes/subscribe/probe-hangs/{eventId}/release}) or when the application stops. Until then every
 * invocation for that event blocks, whatever the handler timeout and however slow the machine, so each delivery of
 * the event times the probe out and the probe never counts as handled. A release that comes first lets later
 * invocations through at once.
 *
 * <p>Interruption does not end the hang ({@code ObserverTasks} never interrupts, and a test must not depend on
 * whether something does); a last-resort cap, {@link #SAFETY_CAP}, far beyond any test, frees the thread of a test
 * that died without releasing.
 */
@ApplicationScoped
public class HangingProbe {

    static final Duration SAFETY_CAP = Duration.ofMinutes(10);

    private final Map<String, CountDownLatch> latches = new ConcurrentHashMap<>();

    /** Blocks until the event is released; then fails, so a released hang is never a handled delivery either. */
    void hang(String eventId) {
        CountDownLatch latch = latches.computeIfAbsent(eventId, id -> new CountDownLatch(1));
        long deadline = System.nanoTime() + SAFETY_CAP.toNanos();
        boolean interrupted = false;
        try {
            while (latch.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException("probe-hangs released (event " + eventId + ")");
    }

    /** Lets every hanging and every later invocation for the event end. */
    public void release(String eventId) {
        latches.computeIfAbsent(eventId, id -> new CountDownLatch(1)).countDown();
    }

    @PreDestroy
    void releaseAll() {
        latches.values().forEach(CountDownLatch::countDown);
    }
}
