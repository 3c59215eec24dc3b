package dev.herald.it;

import java.util.UUID;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every test that reads Herald's Redis writes shares: a Redis reader for the class, and a fresh tenant for each
 * test (JUnit makes an instance per test method) with a client holding that tenant's token.
 */
@ExtendWith(ArquillianExtension.class)
abstract class RedisProbeTestBase {

    static RedisProbe redis;
    final String tenant = UUID.randomUUID().toString();
    final HeraldClient herald = HeraldClient.of(tenant);
    /** A platform operator: relay failures, dead letters, raw streams. */
    final HeraldClient operator = HeraldClient.operator();

    @BeforeAll
    static void connect() {
        redis = new RedisProbe();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }
}
