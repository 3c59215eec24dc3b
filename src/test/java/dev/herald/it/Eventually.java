package dev.herald.it;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls a condition that the asynchronous pipeline makes true some time later. */
final class Eventually {

    private Eventually() {
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
