package dev.herald.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.redis.RedisPersistence;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class RedisHealthCheckTest {

    @Test
    void reportsPersistenceAndWarnsWithoutAof() {
        HealthCheckResponse response = RedisHealthCheck.response(true, "redis://x:1",
                Optional.of(new RedisPersistence(Map.of("aof_enabled", "0", "rdb_last_bgsave_status", "ok"))));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        Map<String, Object> data = response.getData().orElseThrow();
        assertEquals("no aof", data.get("persistence"));
        assertEquals("0", data.get("aof_enabled"));
        assertEquals("ok", data.get("rdb_last_bgsave_status"));
        assertTrue(String.valueOf(data.get("warning")).contains("appendonly"), data.toString());
    }

    @Test
    void aofOnHasNoWarningAndDownHasNoPersistence() {
        Map<String, Object> data = RedisHealthCheck.response(true, "redis://x:1",
                Optional.of(new RedisPersistence(Map.of("aof_enabled", "1")))).getData().orElseThrow();
        assertEquals("aof", data.get("persistence"));
        assertTrue(!data.containsKey("warning"), data.toString());
        HealthCheckResponse down = RedisHealthCheck.response(false, "redis://x:1", Optional.empty());
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        assertEquals(Map.of("address", "redis://x:1"), down.getData().orElseThrow());
    }
}
