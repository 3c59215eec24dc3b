package dev.herald.relay;

import dev.herald.publish.CarriedEvent;
import dev.herald.redis.RedisKeys;
import dev.herald.publish.EventEnvelope;
import dev.herald.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Writes the events of one JMS message to Redis in one Lua script call: every stream entry and channel publish of
 * every event goes out atomically, and an event already relayed on a channel is skipped there, so a redelivered
 * message never adds a second entry.
 */
@ApplicationScoped
public class RedisRelay {

    /*
     * KEYS: three per unit (one event on one channel): dedupe marker, per-type stream, workflow stream ('' = none).
     * ARGV[1]: dedupe seconds; then per unit: pub/sub channel, envelope json, n, the n type-stream field/value
     * strings, m, the m workflow-stream field/value strings.
     * Redis does not undo a script's earlier writes when a later command fails, so every check that can fail runs
     * before the first write: a failed call leaves nothing behind. A unit's marker is set right after its writes,
     * so a unit that appears twice in one call is written once.
     */
    static final String SCRIPT = """
            local units = #KEYS / 3
            local checked = {}
            for u = 0, units - 1 do
              if redis.call('EXISTS', KEYS[u * 3 + 1]) == 0 then
                for i = 2, 3 do
                  local key = KEYS[u * 3 + i]
                  if key ~= '' and not checked[key] then
                    local kind = redis.call('TYPE', key).ok
                    if kind ~= 'stream' and kind ~= 'none' then
                      return redis.error_reply('WRONGTYPE ' .. key .. ' holds a ' .. kind .. ', not a stream')
                    end
                    checked[key] = true
                  end
                end
              end
            end
            local written = {}
            local a = 2
            for u = 0, units - 1 do
              local channel, json, n = ARGV[a], ARGV[a + 1], tonumber(ARGV[a + 2])
              local typeFrom = a + 3
              local m = tonumber(ARGV[typeFrom + n])
              local flowFrom = typeFrom + n + 1
              a = flowFrom + m
              if redis.call('EXISTS', KEYS[u * 3 + 1]) == 0 then
                redis.call('XADD', KEYS[u * 3 + 2], '*', unpack(ARGV, typeFrom, typeFrom + n - 1))
                if KEYS[u * 3 + 3] ~= '' then
                  redis.call('XADD', KEYS[u * 3 + 3], '*', unpack(ARGV, flowFrom, flowFrom + m - 1))
                end
                redis.call('PUBLISH', channel, json)
                redis.call('SET', KEYS[u * 3 + 1], '1', 'EX', tonumber(ARGV[1]))
                written[u + 1] = '1'
              else
                written[u + 1] = '0'
              end
            end
            return table.concat(written)
            """;

    @Inject
    RedisConnection redis;

    @Inject
    RedisKeys configuration;

    /** @return the number of (event, channel) units actually written; 0 when every one had been relayed before */
    public int relay(List<CarriedEvent> events) {
        return relayed(events).size();
    }

    /**
     * Relays the events and says which were written: one element per (event, channel) unit actually written, in
     * order, so an event on two channels appears twice; a unit relayed before (a redelivery) is left out.
     */
    public List<CarriedEvent> relayed(List<CarriedEvent> events) {
        List<RelayBatch> units = units(new WireFormat(configuration), events);
        List<Object> keys = new ArrayList<>(units.size() * 3);
        units.forEach(unit -> keys.addAll(unit.keys()));
        String flags = redis.client().getScript(StringCodec.INSTANCE)
                .eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.VALUE, keys, arguments(units));
        return written(events, flags);
    }

    /** The units whose flag (the script's answer, one '1' or '0' per unit in order) says written. */
    static List<CarriedEvent> written(List<CarriedEvent> events, String flags) {
        List<CarriedEvent> written = new ArrayList<>();
        int unit = 0;
        for (CarriedEvent event : events) {
            for (int c = 0; c < event.channels().size(); c++, unit++) {
                if (flags != null && unit < flags.length() && flags.charAt(unit) == '1') {
                    written.add(event);
                }
            }
        }
        return written;
    }

    static List<RelayBatch> units(WireFormat format, List<CarriedEvent> events) {
        List<RelayBatch> units = new ArrayList<>();
        for (CarriedEvent event : events) {
            EventEnvelope envelope = event.envelope();
            for (String channel : event.channels()) {
                units.add(format.batch(envelope, event.envelopeJson(), channel, event.traceparent()));
            }
        }
        return units;
    }

    static Object[] arguments(List<RelayBatch> units) {
        if (units.isEmpty()) {
            throw new IllegalArgumentException("nothing to relay");
        }
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(units.get(0).dedupeSeconds()));
        for (RelayBatch unit : units) {
            args.add(unit.pubSubChannel());
            args.add(unit.envelopeJson());
            args.add(Integer.toString(unit.typeStreamFields().size()));
            args.addAll(unit.typeStreamFields());
            args.add(Integer.toString(unit.workflowStreamFields().size()));
            args.addAll(unit.workflowStreamFields());
        }
        return args.toArray();
    }
}
