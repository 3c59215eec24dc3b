package dev.herald.relay;

/**
 * Fewer replicas than {@code herald.redis.sync-replicas} confirmed a relay call's writes in time: the master has them,
 * a failover now might not. Transient: a replica catching up or a promoted master lets the next attempt through.
 */
public final class ReplicasBehindException extends RuntimeException {

    ReplicasBehindException(String message) {
        super(message);
    }
}
