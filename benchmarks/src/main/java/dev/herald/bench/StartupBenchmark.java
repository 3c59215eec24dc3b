package dev.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redisson.Redisson;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;
import org.redisson.config.Config;

/**
 * Starts Herald exactly as README's run command does, and measures: time to readiness, Liberty's own start time,
 * time from start to the first event on Redis, and the REST-to-stream latency of further events, next to a raw
 * Redisson XADD round trip measured in the same run. Usage: {@code StartupBenchmark <project root> [events]}.
 */
public final class StartupBenchmark {

    private static String authorization;

    private static final String STREAM = "alga-psa:event-stream:global:TICKET_CREATED";
    private static final HttpClient HTTP = HeraldProcess.HTTP;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        authorization = HeraldProcess.authorization(root, "bench");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        HeraldProcess run = HeraldProcess.start(root);
        long t0 = run.startedAt;
        try {
            long ready = run.awaitReady();
            RedissonClient redis = redis();
            try {
                RStream<String, String> stream = redis.getStream(STREAM, StringCodec.INSTANCE);
                String firstId = postTicket();
                awaitEntry(stream, firstId);
                long firstEvent = System.nanoTime();

                List<Double> pipeline = new ArrayList<>();
                for (int i = 0; i < events; i++) {
                    long start = System.nanoTime();
                    awaitEntry(stream, postTicket());
                    pipeline.add(millis(System.nanoTime() - start));
                }
                List<Double> rawXadd = rawXadd(redis, events);

                System.out.printf("%nHerald start-up (mvn -Prun package -DskipTests, warm ~/.m2)%n");
                System.out.printf("  command start -> /health/ready 200      %8.1f s%n", seconds(ready - t0));
                System.out.printf("  Liberty 'server started in'             %8s s%n", libertyStart(root));
                System.out.printf("  command start -> first event on Redis   %8.1f s%n", seconds(firstEvent - t0));
                System.out.printf("  ready -> first event on Redis           %8.1f ms%n", millis(firstEvent - ready));
                System.out.printf("%nPer event, %d events one at a time      median      p95%n", events);
                System.out.printf("  Herald POST /api/tickets -> XRANGE sees it %7.2f ms %7.2f ms%n", pct(pipeline, 50), pct(pipeline, 95));
                System.out.printf("  baseline: raw Redisson XADD round trip    %7.2f ms %7.2f ms%n", pct(rawXadd, 50), pct(rawXadd, 95));
            } finally {
                redis.shutdown();
            }
        } finally {
            System.out.printf("%n  shutdown (SIGTERM to mvn -> all stopped) %8.1f s   (log: %s)%n", run.stop(), run.log);
        }
    }

    private static List<Double> rawXadd(RedissonClient redis, int count) {
        RStream<String, String> scratch = redis.getStream("herald:bench:scratch:" + UUID.randomUUID(), StringCodec.INSTANCE);
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            scratch.add(StreamAddArgs.entries(Map.of("event", "{\"n\":" + i + "}", "channel", "global")));
            times.add(millis(System.nanoTime() - start));
        }
        scratch.delete();
        return times;
    }

    private static void awaitEntry(RStream<String, String> stream, String eventId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            for (Map<String, String> fields : stream.rangeReversed(20, StreamMessageId.MAX, StreamMessageId.MIN).values()) {
                if (fields.getOrDefault("event", "").contains(eventId)) {
                    return;
                }
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("event " + eventId + " never reached " + STREAM);
    }

    private static String postTicket() throws Exception {
        String body = "{\"tenantId\":\"bench\",\"ticketNumber\":\"B-" + UUID.randomUUID() + "\",\"title\":\"benchmark\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:9080/api/tickets"))
                .header("Content-Type", "application/json").header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("POST /api/tickets answered " + response.statusCode() + ": " + response.body());
        }
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            JsonObject json = reader.readObject();
            return json.getString("eventId");
        }
    }

    private static String libertyStart(Path root) throws Exception {
        Path messages = root.resolve("ear/target/liberty/wlp/usr/servers/heraldServer/logs/messages.log");
        Matcher matcher = Pattern.compile("server started in ([0-9.]+) seconds").matcher(Files.readString(messages));
        String last = "?";
        while (matcher.find()) {
            last = matcher.group(1);
        }
        return last;
    }

    private static RedissonClient redis() {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://127.0.0.1:6379").setConnectionMinimumIdleSize(1).setConnectionPoolSize(2);
        return Redisson.create(config);
    }

    private static double pct(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static double seconds(long nanos) {
        return nanos / 1_000_000_000.0;
    }
}
