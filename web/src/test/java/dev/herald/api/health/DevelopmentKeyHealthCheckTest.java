package dev.herald.api.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.auth.DevelopmentKeyPolicy;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The readiness check with the real decision, on the shipped development key (no second IT server needed). */
class DevelopmentKeyHealthCheckTest {

    static final String DEV_PUBLIC = Path.of("../liberty/config/dev-jwt/public.pem").toString();

    @Test
    void theDevelopmentKeyWithTheProfileOffIsDownNamingTheSetting() {
        HealthCheckResponse response = DevelopmentKeyHealthCheck.response(
                DevelopmentKeyPolicy.decide(false, false, Optional.empty(), Optional.of(DEV_PUBLIC)));
        assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
        assertEquals("token-verification", response.getName());
        String reason = String.valueOf(response.getData().orElseThrow().get("reason"));
        assertTrue(reason.contains("mp.jwt.verify.publickey.location") && reason.contains("herald.dev.profile"), reason);
        assertEquals(true, response.getData().orElseThrow().get("developmentKey"));
    }

    @Test
    void theDevelopmentKeyWithTheProfileOnIsUp() {
        HealthCheckResponse response = DevelopmentKeyHealthCheck.response(
                DevelopmentKeyPolicy.decide(true, false, Optional.empty(), Optional.of(DEV_PUBLIC)));
        assertEquals(HealthCheckResponse.Status.UP, response.getStatus());
        assertTrue(response.getData().orElseThrow().get("reason") == null);
    }
}
