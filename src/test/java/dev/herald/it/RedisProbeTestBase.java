package dev.herald.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What every test that reads Herald's Redis writes shares: an HTTP client and a Redis reader for the class. */
@ExtendWith(ArquillianExtension.class)
abstract class RedisProbeTestBase {

    static RedisProbe redis;
    final HeraldClient herald = new HeraldClient();

    @BeforeAll
    static void connect() {
        redis = new RedisProbe();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }
}
