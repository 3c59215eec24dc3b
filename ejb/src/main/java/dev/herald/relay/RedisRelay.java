package dev.herald.relay;

import dev.herald.publish.EventEnvelope;
import dev.herald.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Writes one event to Redis. One Lua script per channel does every write atomically, and does none of them when
 * the event id was already relayed on that channel, so a redelivered JMS message never adds a second entry.
 */
@ApplicationScoped
public class RedisRelay {

    /*
     * KEYS: dedupe marker, per-type stream, workflow stream ('' = none).
     * ARGV: dedupe seconds, pub/sub channel, envelope json, n = number of type-stream args, then the type-stream
     * field/value pairs, then the workflow-stream field/value pairs.
     * Redis does not undo a script's earlier writes when a later command fails, so every check that can fail runs
     * before the first write, and the dedupe marker is written last: a failed attempt leaves nothing behind.
     */
    static final String SCRIPT = """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return 0
            end
            for i = 2, 3 do
              if KEYS[i] ~= '' then
                local kind = redis.call('TYPE', KEYS[i]).ok
                if kind ~= 'stream' and kind ~= 'none' then
                  return redis.error_reply('WRONGTYPE ' .. KEYS[i] .. ' holds a ' .. kind .. ', not a stream')
                end
              end
            end
            local n = tonumber(ARGV[4])
            local typeFields = {}
            for i = 5, 4 + n do typeFields[#typeFields + 1] = ARGV[i] end
            redis.call('XADD', KEYS[2], '*', unpack(typeFields))
            if KEYS[3] ~= '' then
              local flowFields = {}
              for i = 5 + n, #ARGV do flowFields[#flowFields + 1] = ARGV[i] end
              redis.call('XADD', KEYS[3], '*', unpack(flowFields))
            end
            redis.call('PUBLISH', ARGV[2], ARGV[3])
            redis.call('SET', KEYS[1], '1', 'EX', tonumber(ARGV[1]))
            return 1
            """;

    @Inject
    RedisConnection redis;

    @Inject
    RelayConfiguration configuration;

    /** @return the number of channels actually written (0 when every channel had already received this event) */
    public int relay(EventEnvelope envelope, List<String> channels) {
        WireFormat format = new WireFormat(configuration.settings());
        int written = 0;
        for (String channel : channels) {
            RelayBatch batch = format.batch(envelope, channel);
            Long result = redis.client().getScript(StringCodec.INSTANCE)
                    .eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.INTEGER, batch.keys(), arguments(batch));
            written += result == null ? 0 : result.intValue();
        }
        return written;
    }

    static Object[] arguments(RelayBatch batch) {
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(batch.dedupeSeconds()));
        args.add(batch.pubSubChannel());
        args.add(batch.envelopeJson());
        args.add(Integer.toString(batch.typeStreamFields().size()));
        args.addAll(batch.typeStreamFields());
        args.addAll(batch.workflowStreamFields());
        return args.toArray();
    }
}
