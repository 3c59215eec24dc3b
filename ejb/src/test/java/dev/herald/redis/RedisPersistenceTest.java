package dev.herald.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisPersistenceTest {

    @Test
    void aofOnIsSafe() {
        RedisPersistence p = new RedisPersistence(Map.of("aof_enabled", "1", "rdb_last_bgsave_status", "ok",
                "aof_last_write_status", "ok", "loading", "0"));
        assertTrue(p.aofEnabled());
        assertEquals("", p.warning());
        assertEquals(Map.of("aof_enabled", "1", "rdb_last_bgsave_status", "ok", "aof_last_write_status", "ok"), p.summary());
    }

    @Test
    void aofOffIsWarnedAbout() {
        RedisPersistence p = new RedisPersistence(Map.of("aof_enabled", "0", "rdb_last_bgsave_status", "ok"));
        assertFalse(p.aofEnabled());
        assertTrue(p.warning().contains("appendonly"), p.warning());
    }

    @Test
    void aFailedWriteIsWarnedAbout() {
        RedisPersistence p = new RedisPersistence(Map.of("aof_enabled", "1", "rdb_last_bgsave_status", "err"));
        assertTrue(p.failing());
        assertTrue(p.warning().contains("failed"), p.warning());
    }

    @Test
    void ofSeveralMastersTheLeastSafeIsReported() {
        RedisPersistence safe = new RedisPersistence(Map.of("aof_enabled", "1", "rdb_last_bgsave_status", "ok"));
        RedisPersistence noAof = new RedisPersistence(Map.of("aof_enabled", "0", "rdb_last_bgsave_status", "ok"));
        RedisPersistence failing = new RedisPersistence(Map.of("aof_enabled", "1", "aof_last_write_status", "err"));
        assertEquals(safe, RedisPersistence.leastSafe(java.util.List.of(safe, safe)));
        assertEquals(noAof, RedisPersistence.leastSafe(java.util.List.of(safe, noAof, safe)));
        assertEquals(failing, RedisPersistence.leastSafe(java.util.List.of(noAof, safe, failing)));
    }
}
