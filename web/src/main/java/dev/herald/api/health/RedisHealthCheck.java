package dev.herald.api.health;

import dev.herald.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while Redis answers PING: without it no event reaches its streams. */
@Readiness
@ApplicationScoped
public class RedisHealthCheck implements HealthCheck {

    @Inject
    RedisConnection redis;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("redis").status(redis.isReachable()).withData("address", redis.address()).build();
    }
}
