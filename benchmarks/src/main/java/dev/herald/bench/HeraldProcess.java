package dev.herald.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Herald started the way README's run command starts it, for a benchmark to measure; stopped with SIGTERM. */
final class HeraldProcess implements AutoCloseable {

    static final String BASE = "http://127.0.0.1:9080/";
    /** HTTP/1.1 like the clients of a REST API: the default h2c upgrade would put every client thread on one connection. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An {@code Authorization} header value for the tenant with every tenant group, signed with the development key
     * pair the run server trusts (valid four hours, longer than any run).
     */
    static String authorization(Path root, String tenant) throws java.io.IOException {
        return authorization(root, tenant, dev.herald.auth.TokenRequest.ALL_GROUPS);
    }

    /** The same for the given groups, e.g. {@code operator} (with the tenant {@code platform}) for the probes' readings. */
    static String authorization(Path root, String tenant, List<String> groups) throws java.io.IOException {
        return "Bearer " + dev.herald.auth.TokenSigner.fromPem(root.resolve("liberty/config/dev-jwt/private.pem"), "herald-dev", "herald")
                .sign(new dev.herald.auth.TokenRequest(tenant, "bench@herald.test", groups, Duration.ofHours(4)));
    }

    final long startedAt = System.nanoTime();
    final Path log;
    private final Process process;

    private HeraldProcess(Path log, Process process) {
        this.log = log;
        this.process = process;
    }

    /**
     * A benchmark's own run arguments followed by those of {@code -Dherald.bench.run-properties="-Dliberty.bootstrap.x=y
     * ..."} (whitespace-separated: settings for the measured server, for A/B runs).
     */
    static String[] runProperties(String... own) {
        List<String> all = new ArrayList<>(List.of(own));
        String extra = System.getProperty("herald.bench.run-properties", "").trim();
        if (!extra.isEmpty()) {
            all.addAll(List.of(extra.split("\\s+")));
        }
        return all.toArray(String[]::new);
    }

    /** @param properties extra arguments for the run: {@code -Dname=value}, or {@code -Pprobes} for the test probes */
    static HeraldProcess start(Path root, String... properties) throws Exception {
        Path log = Files.createTempFile("herald-run-", ".log");
        List<String> command = new ArrayList<>(List.of("mvn", "-Prun", "package", "-DskipTests"));
        command.addAll(List.of(properties));
        Process process = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new HeraldProcess(log, process);
    }

    /** Waits for readiness and returns the time it was reached (System.nanoTime). */
    long awaitReady() throws InterruptedException {
        while (status(BASE + "health/ready") != 200) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mvn -Prun exited early; see " + log);
            }
            if (System.nanoTime() - startedAt > TimeUnit.MINUTES.toNanos(10)) {
                throw new IllegalStateException("not ready after 10 minutes; see " + log);
            }
            Thread.sleep(100);
        }
        return System.nanoTime();
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** async-profiler on the server, when the benchmark runs with {@code -Dherald.bench.profile=<file prefix>}. */
    java.util.Optional<ServerProfiler> profiler() throws java.io.IOException {
        return ServerProfiler.requested(process.toHandle());
    }

    /** @return seconds the shutdown took */
    double stop() throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        process.waitFor(120, TimeUnit.SECONDS);
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
