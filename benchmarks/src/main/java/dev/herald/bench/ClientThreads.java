package dev.herald.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** A benchmark's clients: requests spread evenly over threads, each told its index and its share. */
final class ClientThreads {

    /** What one client thread does: {@code requests} requests, as client {@code thread}. */
    @FunctionalInterface
    interface Share {
        void run(int thread, int requests) throws Exception;
    }

    private ClientThreads() {
    }

    /** Runs {@code requests} requests on {@code threads} threads and returns when all are done; a client's failure is thrown. */
    static void run(int threads, int requests, Share share) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                int count = requests / threads + (t < requests % threads ? 1 : 0);
                work.add(clients.submit(() -> {
                    share.run(thread, count);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
    }
}
