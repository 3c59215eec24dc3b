package dev.herald.redis;

import dev.herald.kernel.WireTime;
import dev.herald.events.EventIssue;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.client.codec.StringCodec;

/**
 * The dead-letter streams, {@code <stream>:dead-letter}: an entry is the original fields plus {@code sourceStream},
 * {@code sourceMessageId}, {@code deliveries}, {@code deadLetteredAt} (ISO UTC, {@code Z}) and {@code reason}, and
 * for an undeliverable entry {@code issues} (JSON array of pointer + message). Moving an entry there and
 * acknowledging it on its source stream is one MULTI/EXEC; so is a replay (XADD back to the source stream, XDEL of
 * the dead letter), done by a script so that the same dead letter cannot be replayed twice.
 */
public final class DeadLetters {

    public static final String SUFFIX = ":dead-letter";
    static final List<String> ADDED_FIELDS = List.of("sourceStream", "sourceMessageId", "deliveries", "deadLetteredAt",
            "reason", "issues");

    private static final String REPLAY = """
            local found = redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1])
            if #found == 0 then return false end
            local skip = {}
            for i = 2, #ARGV do skip[ARGV[i]] = true end
            local fields, out = found[1][2], {}
            for i = 1, #fields, 2 do
              if not skip[fields[i]] then
                out[#out + 1] = fields[i]
                out[#out + 1] = fields[i + 1]
              end
            end
            local id = redis.call('XADD', KEYS[2], '*', unpack(out))
            redis.call('XDEL', KEYS[1], ARGV[1])
            return id
            """;

    public record DeadLetter(String id, Map<String, String> fields) {
    }

    /** The oldest dead letters of a source stream, as an operator endpoint answers them. */
    public record Page(String stream, String deadLetterStream, List<DeadLetter> entries) {
    }

    /** Largest page an operator endpoint reads at once. */
    public static final int MAX_PAGE = 1000;

    private final RedissonClient redis;
    private final String group;
    private final Clock clock;

    public DeadLetters(RedissonClient redis, String group, Clock clock) {
        this.redis = redis;
        this.group = group;
        this.clock = clock;
    }

    public static String of(String stream) {
        return stream + SUFFIX;
    }

    /** Moves the entry to the dead-letter stream and acknowledges it, atomically; returns the dead letter's id. */
    public String deadLetter(String stream, String entryId, Map<String, String> fields, long deliveries, String reason,
                             List<EventIssue> issues) {
        Map<String, String> letter = new LinkedHashMap<>(fields);
        letter.put("sourceStream", stream);
        letter.put("sourceMessageId", entryId);
        letter.put("deliveries", Long.toString(deliveries));
        letter.put("deadLetteredAt", WireTime.text(clock.instant()));
        letter.put("reason", reason);
        if (!issues.isEmpty()) {
            JsonArrayBuilder list = WireJson.builders().createArrayBuilder();
            issues.forEach(i -> list.add(WireJson.builders().createObjectBuilder().add("pointer", i.pointer()).add("message", i.message())));
            letter.put("issues", WireJson.write(list.build()));
        }
        RBatch batch = redis.createBatch(BatchOptions.defaults().executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        var added = batch.<String, String>getStream(of(stream), StringCodec.INSTANCE).addAsync(StreamAddArgs.entries(letter));
        batch.<String, String>getStream(stream, StringCodec.INSTANCE).ackAsync(group, StreamIdText.parse(entryId));
        batch.execute();
        return added.toCompletableFuture().join().toString();
    }

    /** Up to {@code count} (clamped to 1..{@link #MAX_PAGE}) dead letters of a source stream, oldest first. */
    public Page page(String stream, int count) {
        return new Page(stream, of(stream), list(stream, Math.max(1, Math.min(count, MAX_PAGE))));
    }

    /** The dead letters of a source stream, oldest first. */
    public List<DeadLetter> list(String stream, int count) {
        RStream<String, String> letters = redis.getStream(of(stream), StringCodec.INSTANCE);
        List<DeadLetter> result = new ArrayList<>();
        letters.range(count, StreamMessageId.MIN, StreamMessageId.MAX)
                .forEach((id, fields) -> result.add(new DeadLetter(id.toString(), fields)));
        return result;
    }

    /**
     * Writes the dead letter's original fields back to its source stream as a new entry and removes the dead
     * letter. The event keeps its id, so the subscribers that handled it before skip it.
     *
     * @return the new entry's id, or empty when there is no such dead letter
     */
    public Optional<String> replay(String stream, String deadLetterId) {
        List<Object> args = new ArrayList<>();
        args.add(deadLetterId);
        args.addAll(ADDED_FIELDS);
        String id = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, REPLAY, RScript.ReturnType.VALUE,
                List.of(of(stream), stream), args.toArray());
        return Optional.ofNullable(id);
    }
}
