package dev.herald.devservices;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Redis server as a child process: {@code redis-server} from PATH when there is one, otherwise the Linux
 * binary shipped inside the embedded-redis jar. It can be stopped and started again on the same port,
 * which the health tests use to simulate an outage.
 *
 * <p>By default it keeps an append-only file ({@code appendonly yes}, fsync every second) in its data directory, so a
 * crash or a restart of Redis loses nothing the relay wrote (the relay acknowledges the broker once Redis has an
 * event). The integration tests run it without persistence ({@link #ephemeral}): their data directory outlives a run
 * and they expect a fresh Redis each session.
 */
public final class DevRedis implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevRedis.class.getName());

    private final Path dataDir;
    private final int port;
    private final boolean appendOnly;
    private Process process;

    /** A Redis with AOF persistence in {@code dataDir}. */
    public DevRedis(Path dataDir, int port) {
        this(dataDir, port, true);
    }

    public DevRedis(Path dataDir, int port, boolean appendOnly) {
        this.dataDir = dataDir;
        this.port = port;
        this.appendOnly = appendOnly;
    }

    /** A Redis that keeps nothing: no AOF, no RDB snapshot; a restart comes back empty. */
    public static DevRedis ephemeral(Path dataDir, int port) {
        return new DevRedis(dataDir, port, false);
    }

    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        if (ping(port)) {
            LOG.warning("A Redis server already answers on port " + port + "; using it instead of starting one.");
            return;
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolve("redis.log");
        List<String> command = command(executable(dataDir));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!ping(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("redis-server did not start on port " + port + ":\n" + ProcessSupport.tail(log));
            }
            Thread.sleep(50);
        }
    }

    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    /** The redis-server command line (AOF in the data directory, or no persistence at all). */
    List<String> command(Path executable) {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dataDir.toString(), "--daemonize", "no", "--save", ""));
        command.addAll(appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "everysec")
                : List.of("--appendonly", "no"));
        return command;
    }

    public boolean appendOnly() {
        return appendOnly;
    }

    /** Kills the server (SIGKILL), as a crash would: what the AOF holds must survive. For the tests. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    public int port() {
        return port;
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** True when something on the port answers PING with PONG. */
    public static boolean ping(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(500);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[7];
            InputStream in = socket.getInputStream();
            int read = in.readNBytes(reply, 0, 5);
            return read == 5 && new String(reply, 0, 5, StandardCharsets.US_ASCII).equals("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static Path executable(Path workDir) throws IOException {
        Path onPath = ProcessSupport.onPath("redis-server");
        if (onPath != null) {
            return onPath;
        }
        String resource = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "redis-server-6.2.6-v5-linux-amd64";
            case "aarch64", "arm64" -> "redis-server-6.2.7-linux-arm64";
            default -> throw new IOException("no redis-server on PATH and no bundled binary for " + System.getProperty("os.arch"));
        };
        Path target = workDir.resolve(resource);
        if (!Files.isExecutable(target)) {
            try (InputStream in = DevRedis.class.getResourceAsStream("/" + resource)) {
                if (in == null) {
                    throw new IOException("embedded-redis jar with " + resource + " is not on the classpath");
                }
                Path partial = Files.createTempFile(workDir, resource, ".part");
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                partial.toFile().setExecutable(true);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return target;
    }
}
