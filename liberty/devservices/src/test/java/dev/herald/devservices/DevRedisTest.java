package dev.herald.devservices;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevRedisTest {

    @TempDir
    Path dataDir;

    @Test
    void stopsAndStartsAgainOnTheSamePort() throws Exception {
        int port = DevBrokerTest.freePort();
        try (DevRedis redis = new DevRedis(dataDir, port)) {
            redis.start();
            assertTrue(DevRedis.ping(port), "answers PING once started");
            redis.stop();
            assertFalse(DevRedis.ping(port), "silent once stopped");
            redis.start();
            assertTrue(DevRedis.ping(port), "answers again after a restart");
        }
        assertFalse(DevRedis.ping(port), "closing stops the server");
    }
}
