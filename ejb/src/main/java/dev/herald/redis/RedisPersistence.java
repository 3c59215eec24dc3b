package dev.herald.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Redis says of its persistence ({@code INFO persistence}). Herald's relay acknowledges an event to the broker
 * once Redis has it: without AOF, what Redis took since its last RDB snapshot is lost when it crashes, though the
 * broker no longer holds it.
 *
 * @param info the {@code INFO persistence} fields as Redis gave them
 */
public record RedisPersistence(Map<String, String> info) {

    public RedisPersistence {
        info = Map.copyOf(info);
    }

    /**
     * Of several masters (a Cluster's, each persisting its own slots), the one whose persistence is least safe: a
     * failing one, else one without AOF, else the first.
     */
    public static RedisPersistence leastSafe(List<RedisPersistence> masters) {
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("no master answered INFO persistence");
        }
        return masters.stream().filter(RedisPersistence::failing).findFirst()
                .or(() -> masters.stream().filter(m -> !m.aofEnabled()).findFirst())
                .orElse(masters.get(0));
    }

    /** {@code appendonly yes}: every write is logged and replayed at start. */
    public boolean aofEnabled() {
        return "1".equals(info.get("aof_enabled"));
    }

    /** True when Redis reports a failed RDB save or AOF write (Redis then refuses writes by default). */
    public boolean failing() {
        return "err".equals(info.get("rdb_last_bgsave_status")) || "err".equals(info.get("aof_last_write_status"))
                || "err".equals(info.get("aof_last_bgrewrite_status"));
    }

    /** The fields a readiness check reports. */
    public Map<String, String> summary() {
        Map<String, String> summary = new LinkedHashMap<>();
        for (String key : new String[] {"aof_enabled", "aof_last_write_status", "aof_last_bgrewrite_status",
                "rdb_last_bgsave_status", "rdb_changes_since_last_save", "rdb_last_save_time"}) {
            if (info.containsKey(key)) {
                summary.put(key, info.get(key));
            }
        }
        return summary;
    }

    /** Why this is not safe for events relayed and acknowledged, or empty. */
    public String warning() {
        if (failing()) {
            return "Redis reports a failed persistence write: " + summary();
        }
        if (!aofEnabled()) {
            return "Redis runs without AOF (appendonly no): events relayed since its last RDB snapshot are lost if it"
                    + " crashes, though the broker no longer holds them. Run Redis with appendonly yes";
        }
        return "";
    }
}
