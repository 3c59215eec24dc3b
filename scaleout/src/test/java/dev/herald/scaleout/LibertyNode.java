package dev.herald.scaleout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One Liberty server of the stage, created by the liberty-maven-plugin in the shared installation: this class writes
 * its ports and settings (bootstrap.properties), its heap (jvm.options) and the EAR into its apps/ with an enterpriseApplication element, starts it with
 * the installation's {@code server} script, kills its JVM with SIGKILL (the pid Liberty writes to
 * {@code usr/servers/.pid/NAME.pid}) and stops it. Every wait has a deadline.
 */
final class LibertyNode implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path wlp;
    private final String name;
    private final int httpPort;
    private final Map<String, String> properties = new TreeMap<>();

    LibertyNode(Path wlp, String name, int httpPort, int httpsPort) {
        this.wlp = wlp;
        this.name = name;
        this.httpPort = httpPort;
        properties.put("http.port", Integer.toString(httpPort));
        properties.put("https.port", Integer.toString(httpsPort));
    }

    String name() {
        return name;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + httpPort + "/");
    }

    LibertyNode set(String property, String value) {
        properties.put(property, value);
        return this;
    }

    private Path serverDir() {
        return wlp.resolve("usr/servers").resolve(name);
    }

    /** Writes the settings and the EAR (stopping first what an aborted earlier run of this server left running). */
    void configure(Path ear, String heap) throws IOException {
        close(); // a server an aborted earlier run left behind
        Path dir = serverDir();
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no server " + name + " under " + wlp + ": the liberty-maven-plugin creates it"
                    + " (pre-integration-test)");
        }
        Files.writeString(dir.resolve("bootstrap.properties"), properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "", "\n")));
        Files.writeString(dir.resolve("jvm.options"), "-Xmx" + heap + "\n");
        Files.copy(ear, Files.createDirectories(dir.resolve("apps")).resolve("herald.ear"), StandardCopyOption.REPLACE_EXISTING);
        // Deployed as an operator would: in apps/, named by an enterpriseApplication element (not through dropins).
        Files.writeString(Files.createDirectories(dir.resolve("configDropins/overrides")).resolve("scaleout-application.xml"),
                """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by ScaleOutIT (LibertyNode): the EAR of the scale-out stage. -->
                <server>
                  <enterpriseApplication id="herald" name="herald" location="herald.ear"/>
                </server>
                """.strip() + "\n");
    }

    /** Launches the server (the script returns once the JVM runs); readiness is {@link #awaitReady}'s. */
    void start() throws IOException, InterruptedException {
        script("start", Duration.ofMinutes(3));
    }

    /** Waits until /health/ready answers 200, or throws with the end of the server's log. */
    void awaitReady(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(base().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
                last = ready.statusCode() + " " + ready.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError(name + " not ready within " + within + " (last answer: " + last + ")\n" + logTail(40));
    }

    /** The server's JVM, from the pid file Liberty writes at start. */
    Optional<ProcessHandle> jvm() throws IOException {
        Path pidFile = wlp.resolve("usr/servers/.pid").resolve(name + ".pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).filter(ProcessHandle::isAlive);
    }

    /** SIGKILL of the server's JVM (no shutdown hook, no orderly stop), then waits until it is gone. */
    long kill() throws IOException, InterruptedException {
        ProcessHandle process = jvm().orElseThrow(() -> new IllegalStateException(name + " has no running JVM to kill"));
        if (!process.destroyForcibly()) {
            throw new IllegalStateException("could not send SIGKILL to " + name + " (pid " + process.pid() + ")");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (process.isAlive()) {
            throw new IllegalStateException(name + " (pid " + process.pid() + ") still alive 30 s after SIGKILL");
        }
        return process.pid();
    }

    /**
     * An orderly stop, and SIGKILL for a JVM still there afterwards (the stop script may time out on a loaded machine,
     * and a server left running would make the next run's start fail). Never throws: it runs in finally blocks.
     */
    @Override
    public void close() {
        try {
            if (jvm().isPresent()) {
                script("stop", Duration.ofSeconds(30));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping " + name + " (SIGKILL follows): " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            jvm().ifPresent(ProcessHandle::destroyForcibly);
        } catch (IOException | RuntimeException e) {
            System.err.println("killing " + name + ": " + e);
        }
    }

    String logTail(int lines) {
        Path log = serverDir().resolve("logs/messages.log");
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    private void script(String action, Duration within) throws IOException, InterruptedException {
        Path out = serverDir().resolve("logs");
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder(wlp.resolve("bin/server").toString(), action, name)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(out.resolve("script.log").toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IOException("'server " + action + " " + name + "' did not return within " + within);
        }
        if (process.exitValue() != 0 && !"stop".equals(action)) {
            throw new IOException("'server " + action + " " + name + "' exited " + process.exitValue() + "\n" + logTail(40));
        }
    }

    /** Starts the nodes at once, each on a thread of its own, and waits until every one is ready. */
    static void startTogether(List<LibertyNode> nodes, Duration ready) throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<Void>> all = new ArrayList<>();
            for (LibertyNode node : nodes) {
                all.add(starting.submit(() -> {
                    node.start();
                    node.awaitReady(ready);
                    return null;
                }));
            }
            for (Future<Void> node : all) {
                node.get(ready.toMinutes() + 4, TimeUnit.MINUTES);
            }
        } finally {
            starting.shutdownNow();
        }
    }
}
