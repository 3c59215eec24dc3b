package dev.herald.it;

import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** What the tests that follow events onto Redis share: the built EAR, deployed for the class, and awaiting an entry. */
abstract class RedisPipelineTestBase extends RedisProbeTestBase {

    static final Duration PIPELINE = Duration.ofSeconds(60);

    @Deployment(testable = false)
    static EnterpriseArchive herald() {
        return HeraldDeployment.builtEar();
    }

    /** Waits for the stream entry that carries the event id. */
    static Map<String, String> awaitEntry(String stream, String eventId) throws InterruptedException {
        return Eventually.await(eventId + " on " + stream, PIPELINE,
                () -> redis.entries(stream).stream().filter(e -> eventId.equals(Events.id(e))).findFirst().orElse(null));
    }
}
