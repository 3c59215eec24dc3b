package dev.herald.api.health;

import dev.herald.auth.DevelopmentKeyGuard;
import dev.herald.auth.DevelopmentKeyPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the server would verify tokens with the public development key (or sign demo tokens) outside
 * development: {@link DevelopmentKeyPolicy} decides, its reason names the setting to change.
 */
@Readiness
@ApplicationScoped
public class DevelopmentKeyHealthCheck implements HealthCheck {

    static final String NAME = "token-verification";

    @Inject
    DevelopmentKeyGuard guard;

    @Override
    public HealthCheckResponse call() {
        return response(guard.verdict());
    }

    static HealthCheckResponse response(DevelopmentKeyPolicy.Verdict verdict) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("key", verdict.keySource());
        data.put("developmentKey", verdict.devKey());
        if (verdict.refused()) {
            data.put("reason", verdict.reason());
        }
        return new HealthCheckResponse(NAME, verdict.refused() ? Status.DOWN : Status.UP, Optional.of(data));
    }
}
