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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A Redis server as a child process: {@code redis-server} from PATH when there is one, otherwise the Linux
 * binary shipped inside the embedded-redis jar. It can be stopped and started again on the same port,
 * which the health tests use to simulate an outage.
 */
public final class DevRedis implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(DevRedis.class.getName());

    private final Path dataDir;
    private final int port;
    private Process process;

    public DevRedis(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
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
        List<String> command = List.of(executable(dataDir).toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", dataDir.toString(), "--appendonly", "no", "--save", "",
                "--daemonize", "no");
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
