package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.devservices.DevRedis;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The operational endpoints. Readiness follows the real dependencies: Redis stopped turns it DOWN naming Redis, Redis back turns it UP. */
@ExtendWith(ArquillianExtension.class)
class OperationalEndpointsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private final HeraldClient herald = new HeraldClient();

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @Test
    void readinessIsDownNamingRedisWhileRedisIsStoppedAndUpWhenItIsBack() throws Exception {
        Eventually.await("readiness UP with every check UP", SETTLE, () -> readiness(200, "UP"));
        Map<String, String> checks = checks(herald.get("health/ready").json());
        assertEquals(Map.of("database", "UP", "broker", "UP", "redis", "UP", "catalog", "UP", "token-verification", "UP"),
                checks);

        DevRedis redis = DevServicesSession.services().redis();
        redis.stop();
        try {
            JsonObject down = Eventually.await("readiness DOWN", SETTLE, () -> readiness(503, "DOWN"));
            assertEquals(Map.of("database", "UP", "broker", "UP", "redis", "DOWN", "catalog", "UP",
                    "token-verification", "UP"), checks(down));
        } finally {
            redis.start();
        }
        JsonObject up = Eventually.await("readiness UP again", SETTLE, () -> readiness(200, "UP"));
        assertEquals("UP", checks(up).get("redis"));
    }

    @Test
    void databaseConnectionsAreReadCommittedNotLibertysRepeatableReadDefault() throws Exception {
        JsonObject database = herald.get("health/ready").json().getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals("database")).findFirst().orElseThrow();
        assertEquals("READ_COMMITTED", database.getJsonObject("data").getString("isolation"), database.toString());
    }

    @Test
    void readinessReportsTheDevelopmentKeyAndRedisPersistence() throws Exception {
        JsonObject ready = herald.get("health/ready").json();
        JsonObject token = check(ready, "token-verification");
        // The IT server verifies with the development key, allowed because it declares herald.dev.profile=true.
        assertTrue(token.getJsonObject("data").getBoolean("developmentKey"), token.toString());
        JsonObject redis = check(ready, "redis");
        // The tests' Redis runs without persistence (DevServicesSession), and readiness says so.
        assertEquals("0", redis.getJsonObject("data").getString("aof_enabled"), redis.toString());
        assertEquals("no aof", redis.getJsonObject("data").getString("persistence"), redis.toString());
    }

    @Test
    void metricsNeedTheAdministratorRoleByDefault() throws Exception {
        HeraldClient.Reply reply = herald.get("metrics");
        System.out.printf("OperationalEndpointsIT: GET /metrics without credentials: %d%n", reply.status());
        assertTrue(reply.status() == 401 || reply.status() == 403 || reply.status() / 100 == 3,
                "herald.metrics.authentication defaults to true: " + reply.status() + " " + reply.body());
    }

    @Test
    void openApiDocumentDescribesTheHttpApi() throws Exception {
        HeraldClient.Reply reply = herald.get("openapi");
        assertEquals(200, reply.status());
        assertTrue(reply.body().contains("/api/tickets"), reply.body());
    }

    private JsonObject readiness(int status, String overall) {
        try {
            HeraldClient.Reply reply = herald.get("health/ready");
            if (reply.status() == status && reply.json().getString("status").equals(overall)) {
                return reply.json();
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(name)).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + name + " check in " + health));
    }

    private static Map<String, String> checks(JsonObject health) {
        return health.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(c -> c.getString("name"), c -> c.getString("status")));
    }
}
