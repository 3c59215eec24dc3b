package dev.herald.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog reads under concurrency: N HTTP/1.1 clients calling {@code GET /api/catalog?size=20&page=k} (every page in
 * turn, optionally with {@code q=} and {@code category=}) for a fixed time, with a development token, next to two
 * baselines measured in the same run with the same clients and concurrency: {@code GET /health/live} (no JAX-RS, no
 * token) and {@code GET /api/schemas/TicketCreated/versions} (JAX-RS and the same token, answered from memory). The
 * difference to the second is what the catalog query itself costs (JPA, database, paging, JSON-B).
 * Each measurement follows a warm-up of the same requests (Liberty's JIT).
 * Usage: {@code CatalogBenchmark <project root> [seconds per measurement] [client threads] [warm-up seconds] [q] [category]}
 * ({@code -} for no q). Uses a Herald already ready on port 9080 if there is one (and leaves it running), otherwise
 * starts one with the run command and stops it at the end.
 */
public final class CatalogBenchmark {

    private static final int SIZE = 20;
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        double warmUp = args.length > 3 ? Double.parseDouble(args[3]) : 20;
        String q = args.length > 4 && !args[4].equals("-") ? args[4] : null;
        String category = args.length > 5 ? args[5] : null;

        String authorization = HeraldProcess.authorization(root, "bench");
        boolean attached = HeraldProcess.status(HeraldProcess.BASE + "health/ready") == 200;
        HeraldProcess herald = attached ? null : HeraldProcess.start(root);
        try {
            if (herald != null) {
                herald.awaitReady();
            }
            String filter = (q == null ? "" : "&q=" + encode(q)) + (category == null ? "" : "&category=" + encode(category));
            String catalog = HeraldProcess.BASE + "api/catalog?size=" + SIZE + filter + "&page=";
            long pages = pages(catalog + 0, authorization);
            LongFunction<String> catalogPage = n -> catalog + (n % pages);
            LongFunction<String> live = n -> HeraldProcess.BASE + "health/live";
            LongFunction<String> inMemory = n -> HeraldProcess.BASE + "api/schemas/TicketCreated/versions";

            measure(catalogPage, authorization, warmUp, threads);
            measure(inMemory, authorization, warmUp / 2, threads);
            measure(live, null, warmUp / 4, threads);
            Result health = measure(live, null, seconds, threads).named("baseline: GET /health/live (no JAX-RS, no token)");
            Result memory = measure(inMemory, authorization, seconds, threads).named("baseline: GET /api/schemas/TicketCreated/versions");
            Result pagesRead = measure(catalogPage, authorization, seconds, threads)
                    .named("GET /api/catalog?size=" + SIZE + filter + "&page=0.." + (pages - 1));

            System.out.printf("%nCatalog reads, %d HTTP/1.1 client threads, %.0f s per measurement, server %s%n", threads,
                    seconds, attached ? "already running (attached)" : "started by the benchmark");
            System.out.printf("  %-62s %10s %10s %10s %8s%n", "request", "req/s", "p50 ms", "p99 ms", "errors");
            pagesRead.print();
            memory.print();
            health.print();
            System.out.printf("  catalog rate vs in-memory JAX-RS baseline: %.0f%%%n", 100 * pagesRead.perSecond / memory.perSecond);
        } finally {
            if (herald != null) {
                herald.stop();
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Reads the first page once: the number of pages to cycle through, and a check that the token is accepted. */
    private static long pages(String firstPage, String token) throws Exception {
        HttpResponse<String> reply = HeraldProcess.HTTP.send(request(firstPage, token), HttpResponse.BodyHandlers.ofString());
        Matcher total = TOTAL.matcher(reply.body());
        if (reply.statusCode() != 200 || !total.find()) {
            throw new IllegalStateException(firstPage + " answered " + reply.statusCode() + ": " + reply.body());
        }
        return Math.max(1, (Long.parseLong(total.group(1)) + SIZE - 1) / SIZE);
    }

    private static HttpRequest request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        return (token == null ? request : request.header("Authorization", token)).build();
    }

    private record Result(String name, long requests, long errors, double perSecond, double p50, double p99) {
        Result named(String label) {
            return new Result(label, requests, errors, perSecond, p50, p99);
        }

        void print() {
            System.out.printf("  %-62s %,10.0f %10.2f %10.2f %8d%n", name, perSecond, p50, p99, errors);
        }
    }

    /** Every client loops until the time is up; a request that fails or answers other than 200 counts as an error. */
    private static Result measure(LongFunction<String> urls, String token, double seconds, int threads) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<long[]>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(clients.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = request(urls.apply(next.getAndIncrement()), token);
                    long at = System.nanoTime();
                    try {
                        int status = HeraldProcess.HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status != 200 && errors.incrementAndGet() == 1) {
                            System.err.println("first error: " + request.uri() + " answered " + status);
                        }
                    } catch (java.io.IOException e) {
                        if (errors.incrementAndGet() == 1) {
                            System.err.println("first error: " + request.uri() + ": " + e);
                        }
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = System.nanoTime() - at;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        long[] all = new long[0];
        for (Future<long[]> f : work) {
            long[] some = f.get();
            long[] merged = Arrays.copyOf(all, all.length + some.length);
            System.arraycopy(some, 0, merged, all.length, some.length);
            all = merged;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        Arrays.sort(all);
        return new Result("", all.length, errors.get(), all.length / elapsed,
                all.length == 0 ? 0 : all[all.length / 2] / 1e6, all.length == 0 ? 0 : all[(int) (all.length * 0.99)] / 1e6);
    }
}
