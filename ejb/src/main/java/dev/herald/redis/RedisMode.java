package dev.herald.redis;

import java.util.Locale;

/** The Redis topology Redisson connects to ({@code herald.redis.mode}); Herald's code is the same on each. */
public enum RedisMode {
    /** One server at {@code herald.redis.address}. */
    SINGLE,
    /** A master found through the Sentinels at {@code herald.redis.nodes}, named {@code herald.redis.sentinel-master}. */
    SENTINEL,
    /** A Redis Cluster discovered from the seed nodes at {@code herald.redis.nodes}. */
    CLUSTER;

    /** The setting's value naming this mode. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    static RedisMode parse(String property, String value) {
        for (RedisMode mode : values()) {
            if (mode.text().equals(value.strip().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new IllegalArgumentException(property + " must be single, sentinel or cluster, was '" + value + "'");
    }
}
