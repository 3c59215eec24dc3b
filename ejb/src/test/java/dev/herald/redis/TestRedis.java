package dev.herald.redis;

import dev.herald.devservices.DevRedis;
import java.net.ServerSocket;
import java.nio.file.Files;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * A real Redis for unit tests of Redis scripts and commands: the dev-services Redis on a free port, or the server
 * {@code -Dherald.test.redis=redis://host:port} names. Tests give their keys a random prefix and delete them.
 */
public final class TestRedis implements AutoCloseable {

    private final DevRedis server;
    private final RedissonClient client;

    private TestRedis(DevRedis server, RedissonClient client) {
        this.server = server;
        this.client = client;
    }

    public static TestRedis start() throws Exception {
        String address = System.getProperty("herald.test.redis");
        DevRedis server = null;
        if (address == null || address.isBlank()) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            server = DevRedis.ephemeral(Files.createTempDirectory("herald-test-redis"), port);
            server.start();
            address = "redis://127.0.0.1:" + port;
        }
        Config config = new Config();
        config.useSingleServer().setAddress(address);
        config.setUseScriptCache(true); // as RedisConnection: EVALSHA, loading the script on NOSCRIPT
        return new TestRedis(server, Redisson.create(config));
    }

    public RedissonClient client() {
        return client;
    }

    @Override
    public void close() throws Exception {
        client.shutdown();
        if (server != null) {
            server.stop();
        }
    }
}
