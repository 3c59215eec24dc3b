package dev.herald.it;

import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the tests that follow events onto Redis share: the built EAR, an HTTP client and a Redis reader. */
@ExtendWith(ArquillianExtension.class)
abstract class RedisPipelineTestBase {

    static final Duration PIPELINE = Duration.ofSeconds(60);

    static RedisProbe redis;
    final HeraldClient herald = new HeraldClient();

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    @BeforeAll
    static void connect() {
        redis = new RedisProbe();
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    /** Waits for the stream entry that carries the event id. */
    static Map<String, String> awaitEntry(String stream, String eventId) throws InterruptedException {
        return Eventually.await(eventId + " on " + stream, PIPELINE,
                () -> redis.entries(stream).stream().filter(e -> eventId.equals(Events.id(e))).findFirst().orElse(null));
    }
}
