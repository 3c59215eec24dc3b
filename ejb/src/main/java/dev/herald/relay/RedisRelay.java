package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import dev.herald.redis.RedisConnection;
import dev.herald.redis.RedisKeys;
import dev.herald.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Writes the events of one JMS message to Redis through a {@link RelayWriter}: one atomic script call per stream
 * key, pipelined; an event already relayed to a stream is skipped there, so a redelivered message never adds a second
 * entry, and a redelivery after a partly failed write adds only what is missing.
 */
@ApplicationScoped
public class RedisRelay {

    @Inject
    RedisConnection redis;

    @Inject
    RedisKeys configuration;

    @Inject
    RedisSettings settings;

    /** @return the number of (event, channel) units actually written; 0 when every one had been relayed before */
    public int relay(List<CarriedEvent> events) {
        return relayed(events).size();
    }

    /**
     * Relays the events and says which were written: one element per (event, channel) unit actually written, in
     * order, so an event on two channels appears twice; a unit relayed before (a redelivery) is left out.
     */
    public List<CarriedEvent> relayed(List<CarriedEvent> events) {
        return new RelayWriter(redis.client(), new WireFormat(configuration), settings.syncReplicas(), settings.timeout())
                .relayed(events);
    }
}
