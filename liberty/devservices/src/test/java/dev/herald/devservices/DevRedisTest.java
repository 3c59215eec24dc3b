package dev.herald.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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

    @Test
    void keepsWhatItWasGivenAcrossACrashWithAof() throws Exception {
        int port = DevBrokerTest.freePort();
        try (DevRedis redis = new DevRedis(dataDir, port)) {
            redis.start();
            assertTrue(redis.appendOnly());
            assertEquals("+OK", command(port, "SET", "relayed", "yes"));
            redis.kill();
            assertFalse(DevRedis.ping(port), "killed");
            redis.start();
            assertEquals("$3", command(port, "GET", "relayed"), "the AOF replayed the write after a SIGKILL");
        }
    }

    @Test
    void anEphemeralRedisComesBackEmpty() throws Exception {
        int port = DevBrokerTest.freePort();
        try (DevRedis redis = DevRedis.ephemeral(dataDir, port)) {
            redis.start();
            assertFalse(redis.command(Path.of("redis-server")).contains("yes"), "no appendonly yes");
            assertEquals("+OK", command(port, "SET", "relayed", "yes"));
            redis.stop();
            redis.start();
            assertEquals("$-1", command(port, "GET", "relayed"), "nothing kept");
        }
    }

    /** Sends one command (RESP) and answers the first line of the reply. */
    static String command(int port, String... words) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(2000);
            StringBuilder resp = new StringBuilder("*" + words.length + "\r\n");
            for (String word : words) {
                resp.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
            }
            socket.getOutputStream().write(resp.toString().getBytes(StandardCharsets.US_ASCII));
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }
}
