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
import org.redisson.api.RScript;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamMessageId;
import org.redisson.client.codec.StringCodec;

/**
 * The dead-letter streams, {@code <stream>:dead-letter}: an entry is the original fields plus {@code sourceStream},
 * {@code sourceMessageId}, {@code deliveries}, {@code deadLetteredAt} (ISO UTC, {@code Z}) and {@code reason}, and
 * for an undeliverable entry {@code issues} (JSON array of pointer + message).
 *
 * <p>A source stream and its dead-letter stream may sit in different hash slots of a Redis Cluster, so no command or
 * script names both (CROSSSLOT); each step is a script on one stream whose marker key shares that stream's slot
 * ({@link HashTag}), which makes the step idempotent. Dead-lettering adds the dead letter unless its marker says this
 * group's entry is there already, then acknowledges the entry: a failure in between leaves the entry pending, and
 * dead-lettering it again adds nothing. A replay adds the dead letter's fields back to the source stream unless its
 * marker says that dead letter was replayed (so it is replayed once, however often or concurrently asked), then
 * deletes the dead letter.
 */
public final class DeadLetters {

    public static final String SUFFIX = ":dead-letter";
    static final List<String> ADDED_FIELDS = List.of("sourceStream", "sourceMessageId", "deliveries", "deadLetteredAt",
            "reason", "issues");

    /** Markers live this long: far longer than a retry of the step they guard takes. */
    static final long MARKER_SECONDS = 7 * 24 * 3600;

    /**
     * Adds an entry once. KEYS: the stream, the marker (in the stream's slot). ARGV: marker seconds, the fields.
     * Answers the entry's id: the new one, or the one the marker holds when the entry was added before.
     */
    private static final String ADD_ONCE = """
            local existing = redis.call('GET', KEYS[2])
            if existing then return existing end
            local id = redis.call('XADD', KEYS[1], '*', unpack(ARGV, 2))
            redis.call('SET', KEYS[2], id, 'EX', tonumber(ARGV[1]))
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

    /**
     * Adds the entry to the dead-letter stream once (one script), then acknowledges it in its group: two steps, since on
     * a Cluster the two streams may sit in different slots; a failure between them leaves the entry pending, and
     * dead-lettering it again adds nothing. Returns the dead letter's id.
     */
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
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(MARKER_SECONDS));
        letter.forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        String id = redis.getScript(StringCodec.INSTANCE).eval(of(stream), RScript.Mode.READ_WRITE, ADD_ONCE,
                RScript.ReturnType.VALUE, List.of(of(stream), deadLetteredMarker(stream, entryId)), args.toArray());
        redis.<String, String>getStream(stream, StringCodec.INSTANCE).ack(group, StreamIdText.parse(entryId));
        return id;
    }

    /** Says that this group's entry of the source stream is in the dead-letter stream; in that stream's slot. */
    String deadLetteredMarker(String stream, String entryId) {
        return "herald:dead-lettered:" + HashTag.sameSlotAs(of(stream)) + ":" + group + ":" + entryId;
    }

    /** Says that a dead letter was replayed to its source stream; in the source stream's slot. */
    static String replayedMarker(String stream, String deadLetterId) {
        return "herald:replayed:" + HashTag.sameSlotAs(stream) + ":" + deadLetterId;
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
        StreamMessageId id = StreamIdText.parse(deadLetterId);
        RStream<String, String> letters = redis.getStream(of(stream), StringCodec.INSTANCE);
        Map<StreamMessageId, Map<String, String>> found = letters.range(1, id, id);
        if (found == null || found.isEmpty()) {
            return Optional.empty();
        }
        List<Object> args = new ArrayList<>();
        args.add(Long.toString(MARKER_SECONDS));
        found.values().iterator().next().forEach((field, value) -> {
            if (!ADDED_FIELDS.contains(field)) {
                args.add(field);
                args.add(value);
            }
        });
        String replayed = redis.getScript(StringCodec.INSTANCE).eval(stream, RScript.Mode.READ_WRITE, ADD_ONCE,
                RScript.ReturnType.VALUE, List.of(stream, replayedMarker(stream, deadLetterId)), args.toArray());
        letters.remove(id);
        return Optional.of(replayed);
    }
}
