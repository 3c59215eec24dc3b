package dev.herald.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A replicated primary/backup pair of {@link DevBroker}s (shared-nothing replication), each in its own JVM, so that a
 * test can kill the primary with SIGKILL and watch the backup take over. Clients name both brokers
 * ({@link #connectionParameters()}, the resource adapter's form) and connect with HA on.
 *
 * <p>Each child JVM reports its state in a file of its data directory ({@code state}: {@code started},
 * {@code in-sync} or {@code active}), which the parent polls with a deadline; a child exits when its standard input
 * closes, so a test JVM that dies leaves no broker behind.
 */
public final class DevBrokerPair implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevBrokerPair.class.getName());
    static final String STATE_FILE = "state";

    private final Path dataDir;
    private final int primaryPort;
    private final int backupPort;
    private Process primary;
    private Process backup;

    public DevBrokerPair(Path dataDir, int primaryPort, int backupPort) {
        this.dataDir = dataDir;
        this.primaryPort = primaryPort;
        this.backupPort = backupPort;
    }

    /** Starts the primary, then the backup, and returns once the backup holds an up-to-date copy of the journal. */
    public synchronized void start(Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        primary = launch(DevBroker.Role.PRIMARY, primaryPort, backupPort);
        awaitState(DevBroker.Role.PRIMARY, primary, "active", deadline);
        backup = launch(DevBroker.Role.BACKUP, backupPort, primaryPort);
        awaitState(DevBroker.Role.BACKUP, backup, "in-sync", deadline);
        LOG.info("Artemis pair ready: primary 127.0.0.1:" + primaryPort + ", backup 127.0.0.1:" + backupPort
                + " (replicated, in sync)");
    }

    /** The resource adapter's ConnectionParameters for both brokers: one parameter set each, comma-separated. */
    public String connectionParameters() {
        return "host=127.0.0.1;port=" + primaryPort + ",host=127.0.0.1;port=" + backupPort;
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int backupPort() {
        return backupPort;
    }

    /** SIGKILL of the primary's JVM: no orderly stop, no goodbye to the backup or the clients. Returns its pid. */
    public synchronized long killPrimary() throws InterruptedException {
        Process process = primary;
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the primary is not running");
        }
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the primary (pid " + process.pid() + ") is alive 30 s after SIGKILL");
        }
        return process.pid();
    }

    /** Waits until the backup serves clients, after the primary died. */
    public void awaitBackupActive(Duration within) throws IOException, InterruptedException {
        awaitState(DevBroker.Role.BACKUP, backup, "active", System.nanoTime() + within.toNanos());
    }

    private Process launch(DevBroker.Role role, int port, int peerPort) throws IOException {
        Path dir = dataDir.resolve(role.name().toLowerCase(java.util.Locale.ROOT));
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(STATE_FILE));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
        // The broker settings the test JVM was given (DevBroker reads herald.broker.* system properties).
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("herald.broker."))
                .sorted().forEach(name -> command.add("-D" + name + "=" + System.getProperty(name)));
        command.addAll(List.of(DevBrokerPair.class.getName(), "--role=" + role.name(), "--port=" + port,
                "--peer-port=" + peerPort, "--data-dir=" + dir));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile())).start();
    }

    private void awaitState(DevBroker.Role role, Process process, String wanted, long deadline)
            throws IOException, InterruptedException {
        Path dir = dataDir.resolve(role.name().toLowerCase(java.util.Locale.ROOT));
        Path state = dir.resolve(STATE_FILE);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the " + role + " broker exited (" + process.exitValue() + ")\n"
                        + ProcessSupport.tail(dir.resolve("broker.log")));
            }
            if (Files.isRegularFile(state) && Files.readString(state).strip().equals(wanted)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("the " + role + " broker is not " + wanted + " in time\n"
                + ProcessSupport.tail(dir.resolve("broker.log")));
    }

    @Override
    public synchronized void close() throws InterruptedException {
        for (Process process : new Process[] {backup, primary}) {
            if (process != null && process.isAlive()) {
                // Closing its input is the child's cue to stop the broker in order.
                try {
                    process.getOutputStream().close();
                } catch (IOException e) {
                    LOG.warning("closing the input of broker pid " + process.pid() + ": " + e);
                }
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
        primary = null;
        backup = null;
    }

    /**
     * One half of the pair, in its own JVM: {@code --role=PRIMARY|BACKUP --port=N --peer-port=N --data-dir=DIR}. It
     * writes its state to {@value #STATE_FILE} whenever it changes and stops when its standard input closes.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        Path dir = Path.of(options.get("data-dir"));
        int port = Integer.parseInt(options.get("port"));
        int peerPort = Integer.parseInt(options.get("peer-port"));
        DevBroker broker = DevBroker.Role.valueOf(options.get("role")) == DevBroker.Role.PRIMARY
                ? DevBroker.primary(dir, port, peerPort) : DevBroker.backup(dir, port, peerPort);
        broker.start();
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; end of input means it closed us or died
                }
            } catch (IOException e) {
                LOG.warning("reading the parent's pipe: " + e);
            }
            try {
                broker.stop();
            } catch (Exception e) {
                LOG.warning("stopping the broker: " + e);
            }
            Runtime.getRuntime().halt(0);
        }, "dev-broker-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String written = "";
        while (true) {
            String state = broker.isActive() ? "active" : broker.isReplicaInSync() ? "in-sync" : "started";
            if (!state.equals(written)) {
                Path temporary = dir.resolve(STATE_FILE + ".tmp");
                Files.writeString(temporary, state + "\n");
                Files.move(temporary, dir.resolve(STATE_FILE), StandardCopyOption.ATOMIC_MOVE,
                        StandardCopyOption.REPLACE_EXISTING);
                LOG.info("broker state: " + state);
                written = state;
            }
            Thread.sleep(50);
        }
    }
}
