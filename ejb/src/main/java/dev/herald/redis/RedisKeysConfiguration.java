package dev.herald.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads the relay's key names from MicroProfile Config (server.xml variables, environment, system properties). */
@ApplicationScoped
public class RedisKeysConfiguration {

    @Inject
    @ConfigProperty(name = "herald.redis.stream-prefix", defaultValue = "alga-psa:")
    String streamPrefix;

    @Inject
    @ConfigProperty(name = "herald.redis.channel-prefix", defaultValue = "event:")
    String channelPrefix;

    @Inject
    @ConfigProperty(name = "herald.redis.workflow-stream", defaultValue = "workflow:events:global")
    String workflowStream;

    @Inject
    @ConfigProperty(name = "herald.redis.dedupe-prefix", defaultValue = "herald:relayed:")
    String dedupePrefix;

    @Inject
    @ConfigProperty(name = "herald.relay.dedupe-window", defaultValue = "P7D")
    Duration dedupeWindow;

    public RedisKeys settings() {
        return new RedisKeys(streamPrefix, channelPrefix, workflowStream, dedupePrefix, dedupeWindow);
    }
}
