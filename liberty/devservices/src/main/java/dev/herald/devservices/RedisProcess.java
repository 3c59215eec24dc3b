package dev.herald.devservices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One redis-server child process (a Cluster node, a Sentinel-watched master or replica, or a Sentinel) without
 * persistence, in its own directory, with the binary {@link DevRedis} uses. Stopped by {@link #close()}.
 */
final class RedisProcess implements AutoCloseable {

    private final int port;
    private final Path dir;
    private final List<String> command = new ArrayList<>();
    private Process process;

    private RedisProcess(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /**
     * Starts {@code redis-server [configFile] --port <port> ... extraArgs} and waits until it answers PING.
     *
     * @param configFile a configuration file to start from (a Sentinel's: Sentinel rewrites it), or null
     */
    static RedisProcess start(Path baseDir, int port, Path configFile, List<String> extraArgs)
            throws IOException, InterruptedException {
        Path dir = baseDir.resolve("redis-" + port);
        Files.createDirectories(dir);
        RedisProcess redis = new RedisProcess(port, dir);
        redis.start(baseDir, configFile, extraArgs);
        return redis;
    }

    private void start(Path baseDir, Path configFile, List<String> extraArgs) throws IOException, InterruptedException {
        String executable = DevRedis.executable(baseDir).toString();
        if (executable.contains("redis-sentinel")) {
            // redis-server runs as a Sentinel whenever its argv[0] contains this, whatever its arguments say
            throw new IllegalArgumentException("the path of redis-server must not contain 'redis-sentinel': " + executable);
        }
        command.add(executable);
        if (configFile != null) {
            command.add(configFile.toString());
        }
        command.addAll(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", dir.toString(),
                "--daemonize", "no", "--save", "", "--appendonly", "no"));
        command.addAll(extraArgs);
        launch();
    }

    /** Starts the process again with its first command line (after {@link #kill}), and waits for PING. */
    void restart() throws IOException, InterruptedException {
        if (isRunning()) {
            throw new IllegalStateException("redis-server on port " + port + " is running");
        }
        launch();
    }

    private void launch() throws IOException, InterruptedException {
        Path log = dir.resolve("redis.log");
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!DevRedis.ping(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IOException("redis-server did not start on port " + port + ":\n" + ProcessSupport.tail(log));
            }
            Thread.sleep(50);
        }
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as a crash. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * A free loopback port; with {@code busToo}, one whose Cluster bus port (port + 10000) is free as well. Picked at
     * random in 20000..45000 so that builders running side by side rarely race for one.
     */
    static int freePort(boolean busToo) throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 45_000);
            if (canBind(port) && (!busToo || canBind(port + 10_000))) {
                return port;
            }
        }
        throw new IOException("no free loopback port found");
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
