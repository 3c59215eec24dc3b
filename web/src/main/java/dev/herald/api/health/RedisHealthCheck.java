package dev.herald.api.health;

import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisPersistence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while Redis answers PING: without it no event reaches its streams. Its data also reports Redis'
 * persistence ({@code INFO persistence}); a Redis without AOF is logged once (a warning, not a DOWN: the relay still
 * works, but a Redis crash loses what it took since its last snapshot).
 */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(RedisHealthCheck.class.getName());

    @Inject
    RedisConnection redis;

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public HealthCheckResponse call() {
        boolean up = redis.isReachable();
        Optional<RedisPersistence> persistence = up ? redis.persistence() : Optional.empty();
        persistence.map(RedisPersistence::warning).filter(w -> !w.isEmpty())
                .ifPresent(warning -> {
                    if (warned.compareAndSet(false, true)) {
                        LOG.warning(warning + " (" + redis.address() + ")");
                    }
                });
        return response(up, redis.address(), persistence);
    }

    static HealthCheckResponse response(boolean up, String address, Optional<RedisPersistence> persistence) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("address", address);
        persistence.ifPresent(p -> {
            data.put("persistence", p.aofEnabled() ? "aof" : "no aof");
            data.putAll(p.summary());
            if (!p.warning().isEmpty()) {
                data.put("warning", p.warning());
            }
        });
        return new HealthCheckResponse("redis", up ? Status.UP : Status.DOWN, Optional.of(data));
    }
}
