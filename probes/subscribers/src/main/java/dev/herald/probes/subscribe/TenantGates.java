package dev.herald.probes.subscribe;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Gates per tenant for {@code probe-slow} (ParallelDeliveryIT): while the test keeps a tenant's gate closed
 * ({@code POST /probes/subscribe/gates/{tenantId}/close}), every delivery of that tenant's events blocks in the
 * observer, whatever the timeout and the machine's speed; opening it lets them through, now and later. A tenant
 * without a closed gate passes at once. Interruption does not open a gate; a last-resort cap far beyond any test,
 * {@link #SAFETY_CAP}, frees the thread of a test that died without opening it.
 */
@ApplicationScoped
public class TenantGates {

    static final Duration SAFETY_CAP = Duration.ofMinutes(10);

    private final Map<String, CountDownLatch> closed = new ConcurrentHashMap<>();

    public void close(String tenantId) {
        closed.putIfAbsent(tenantId, new CountDownLatch(1));
    }

    public void open(String tenantId) {
        CountDownLatch gate = closed.remove(tenantId);
        if (gate != null) {
            gate.countDown();
        }
    }

    /** Blocks while the tenant's gate is closed. */
    void pass(String tenantId) {
        CountDownLatch gate = closed.get(tenantId);
        if (gate == null) {
            return;
        }
        long deadline = System.nanoTime() + SAFETY_CAP.toNanos();
        boolean interrupted = false;
        try {
            while (gate.getCount() > 0 && System.nanoTime() < deadline) {
                try {
                    gate.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @PreDestroy
    void openAll() {
        closed.values().forEach(CountDownLatch::countDown);
    }
}
