package dev.herald.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OrderedLanesTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunInSubmitOrderAndNeverTwoAtOnce() throws Exception {
        OrderedLanes lanes = new OrderedLanes(threads::submit, 8);
        Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(20 * 200);
        for (int i = 0; i < 200; i++) {
            for (int k = 0; k < 20; k++) {
                String key = "tenant-" + k;
                int n = i;
                lanes.submit(key, () -> {
                    if (running.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    LockSupport.parkNanos(n % 7 * 10_000L); // uneven work, so unordered running would show
                    seen.computeIfAbsent(key, x -> new CopyOnWriteArrayList<>()).add(n);
                    running.get(key).decrementAndGet();
                    all.countDown();
                });
            }
        }
        assertTrue(all.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            expected.add(i);
        }
        seen.forEach((key, order) -> assertEquals(expected, order, key));
        assertEquals(20, seen.size());
    }

    @Test
    void aBlockedKeyHoldsUpOnlyItsOwnLaterTasks() throws Exception {
        OrderedLanes lanes = new OrderedLanes(threads::submit, 2);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch others = new CountDownLatch(50);
        List<String> slowRan = new CopyOnWriteArrayList<>();
        lanes.submit("slow", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slowRan.add("first");
        });
        lanes.submit("slow", () -> slowRan.add("second"));
        for (int i = 0; i < 50; i++) {
            lanes.submit("other-" + (i % 5), others::countDown);
        }
        assertTrue(others.await(10, TimeUnit.SECONDS), "the other keys ran while the slow one was blocked");
        assertEquals(List.of(), slowRan);
        release.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slowRan.size() < 2 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(List.of("first", "second"), slowRan);
    }

    @Test
    void atMostParallelismKeysRunAtOnce() throws Exception {
        OrderedLanes lanes = new OrderedLanes(threads::submit, 3);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(60);
        for (int i = 0; i < 60; i++) {
            lanes.submit("key-" + i, () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                LockSupport.parkNanos(1_000_000);
                running.decrementAndGet();
                all.countDown();
            });
        }
        assertTrue(all.await(30, TimeUnit.SECONDS));
        assertTrue(most.get() <= 3, "at most 3 at once, saw " + most.get());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (lanes.busyKeys() > 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(0, lanes.busyKeys(), "a lane is dropped once it ran dry");
    }

    @Test
    void anAbandonedTaskNoLongerHoldsItsLaneWhoseLaterTasksRunOnAnotherThreadInOrder() throws Exception {
        OrderedLanes lanes = new OrderedLanes(threads::submit, 1);
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch hanging = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        Thread[] hungThread = new Thread[1];
        Runnable hangs = () -> {
            hungThread[0] = Thread.currentThread();
            hanging.countDown();
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ran.add("hung task returned");
        };
        CountDownLatch later = new CountDownLatch(2);
        List<Thread> laterThreads = new CopyOnWriteArrayList<>();
        lanes.submit("aggregate", hangs);
        for (String name : List.of("second", "third")) {
            lanes.submit("aggregate", () -> {
                ran.add(name);
                laterThreads.add(Thread.currentThread());
                later.countDown();
            });
        }
        assertTrue(hanging.await(10, TimeUnit.SECONDS));
        assertFalse(later.await(50, TimeUnit.MILLISECONDS), "held behind the hung task while it holds the lane");

        assertTrue(lanes.abandon(hangs));
        assertTrue(later.await(10, TimeUnit.SECONDS), "the lane went on, with a parallelism of 1");
        assertEquals(List.of("second", "third"), ran);
        assertFalse(laterThreads.contains(hungThread[0]), "not on the hung thread");
        assertFalse(lanes.abandon(hangs), "abandoned once");

        hung.countDown();
        CountDownLatch fourth = new CountDownLatch(1);
        lanes.submit("aggregate", fourth::countDown);
        assertTrue(fourth.await(10, TimeUnit.SECONDS));
        assertEquals(0, lanes.busyKeys(), "the returning task took nothing off the lane");
    }
}
