package dev.herald.operations;

import dev.herald.redis.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.redisson.api.RKeys;
import org.redisson.api.RScript;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;

/**
 * Reads the backlog of Herald's streams from Redis: which streams there are (SCAN {@code <prefix>event-stream:*}, TYPE
 * stream, and the workflow stream), and per stream its length and each consumer group's lag and pending entries (one
 * read-only script per stream, so a stream's figures are of one moment) and the length of its dead-letter stream.
 * Plain code; {@link OperationsSampler} runs it on a timer, never on a scrape.
 *
 * <p>Lag: Redis 7 reports it per group ({@code XINFO GROUPS} {@code lag}); Redis 6.2, which the development services
 * run, does not, and neither does Redis 7 when it cannot tell (entries deleted in the range). Then the script counts
 * the entries after the group's last delivered id, at most {@code lagCountLimit} of them (XRANGE with an exclusive
 * start, COUNT limit + 1), and marks the figure capped when it reached the limit.
 */
public final class BacklogReader {

    static final int SCAN_COUNT = 500;

    /**
     * KEYS[1] the stream; ARGV[1] the count limit. Answers a flat list: length, last generated id, then per group
     * name, consumers, pending, last delivered id, lag, capped (0 or 1).
     */
    static final String READ = """
            local limit = tonumber(ARGV[1])
            local info = redis.call('XINFO', 'STREAM', KEYS[1])
            local length, last = 0, '0-0'
            for i = 1, #info, 2 do
              if info[i] == 'length' then length = info[i + 1] end
              if info[i] == 'last-generated-id' then last = info[i + 1] end
            end
            local out = {length, last}
            for _, g in ipairs(redis.call('XINFO', 'GROUPS', KEYS[1])) do
              local f = {}
              for i = 1, #g, 2 do f[g[i]] = g[i + 1] end
              local lag, capped = f['lag'], 0
              if not lag then
                if f['last-delivered-id'] == last then
                  lag = 0
                else
                  lag = #redis.call('XRANGE', KEYS[1], '(' .. f['last-delivered-id'], '+', 'COUNT', limit + 1)
                  if lag > limit then lag, capped = limit, 1 end
                end
              end
              for _, v in ipairs({f['name'], f['consumers'], f['pending'], f['last-delivered-id'], lag, capped}) do
                out[#out + 1] = v
              end
            end
            return out
            """;

    private final RedissonClient redis;
    private final String typeStreamPrefix;
    private final String workflowStream;
    private final int lagCountLimit;

    public BacklogReader(RedissonClient redis, String streamPrefix, String workflowStream, int lagCountLimit) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.typeStreamPrefix = streamPrefix + "event-stream:";
        this.workflowStream = workflowStream;
        this.lagCountLimit = lagCountLimit;
    }

    /** The backlog of every stream that has a group or dead letters, by key; the workflow stream when it exists. */
    public List<StreamBacklog> read(List<String> errors) {
        RKeys keys = redis.getKeys();
        SortedSet<String> streams = new TreeSet<>(); // SCAN may answer a key twice
        SortedSet<String> deadLetterStreams = new TreeSet<>();
        keys.getKeysStream(KeysScanOptions.defaults().pattern(typeStreamPrefix + "*").type(RType.STREAM).chunkSize(SCAN_COUNT))
                .forEach(key -> (key.endsWith(DeadLetters.SUFFIX) ? deadLetterStreams : streams).add(key));
        if (keys.getType(workflowStream) == RType.STREAM) {
            streams.add(workflowStream);
            if (keys.getType(DeadLetters.of(workflowStream)) == RType.STREAM) {
                deadLetterStreams.add(DeadLetters.of(workflowStream));
            }
        }
        List<StreamBacklog> backlog = new ArrayList<>();
        for (String stream : streams) {
            try {
                long deadLetters = deadLetterStreams.contains(DeadLetters.of(stream))
                        ? redis.getStream(DeadLetters.of(stream), StringCodec.INSTANCE).size() : 0;
                StreamBacklog read = parse(stream, deadLetters, redis.getScript(StringCodec.INSTANCE)
                        .eval(stream, RScript.Mode.READ_ONLY, READ, RScript.ReturnType.MULTI, List.of(stream), lagCountLimit));
                if (!read.groups().isEmpty() || read.deadLetters() > 0) {
                    backlog.add(read);
                }
            } catch (RuntimeException e) {
                // Per stream: a key deleted or retyped since the SCAN must not hide the other streams' figures; the
                // next sample reads it again.
                errors.add(stream + ": " + e);
            }
        }
        return backlog;
    }

    /** The script's answer as a {@link StreamBacklog}. */
    StreamBacklog parse(String stream, long deadLetters, List<Object> answer) {
        long length = number(answer.get(0));
        List<GroupBacklog> groups = new ArrayList<>();
        for (int i = 2; i + 5 < answer.size(); i += 6) {
            groups.add(new GroupBacklog(String.valueOf(answer.get(i)), number(answer.get(i + 1)), number(answer.get(i + 4)),
                    number(answer.get(i + 5)) == 1, number(answer.get(i + 2)), String.valueOf(answer.get(i + 3))));
        }
        Optional<String> channel = Optional.empty();
        Optional<String> eventType = Optional.empty();
        if (stream.startsWith(typeStreamPrefix)) {
            String rest = stream.substring(typeStreamPrefix.length());
            int colon = rest.indexOf(':'); // a channel name has no colon (ChannelPolicy); a type may, so the first splits
            if (colon > 0) {
                channel = Optional.of(rest.substring(0, colon));
                eventType = Optional.of(rest.substring(colon + 1));
            }
        }
        return new StreamBacklog(stream, channel, eventType, length, deadLetters, groups);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(value));
    }
}
