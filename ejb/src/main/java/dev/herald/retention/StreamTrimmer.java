package dev.herald.retention;

import dev.herald.redis.StreamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.redisson.api.PendingResult;
import org.redisson.api.RKeys;
import org.redisson.api.RStream;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamGroup;
import org.redisson.api.StreamInfo;
import org.redisson.api.StreamMessageId;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.api.stream.StreamTrimArgs;
import org.redisson.client.codec.StringCodec;

/**
 * One retention pass over Redis, through Redisson: lists the managed streams, reads each one's groups, asks
 * {@link TrimFloor} for the MINID and trims exactly to it ({@code XTRIM key MINID id}, no {@code ~}, no LIMIT).
 * Plain code, so it runs outside the container; {@link StreamRetention} schedules it.
 */
final class StreamTrimmer {

    private static final Logger LOG = Logger.getLogger(StreamRetention.class.getName());

    /** Dead-letter streams ({@code <source>:dead-letter}) are an operator's record of failures: never trimmed. */
    static final String DEAD_LETTER_SUFFIX = ":dead-letter";

    static final int SCAN_COUNT = 500;

    private final RedissonClient client;
    private final RetentionPolicy policy;
    private final String streamPrefix;
    private final String workflowStream;
    private final RetentionScope scope;

    StreamTrimmer(RedissonClient client, RetentionPolicy policy, String streamPrefix, String workflowStream) {
        this(client, policy, streamPrefix, workflowStream, RetentionScope.allChannels());
    }

    StreamTrimmer(RedissonClient client, RetentionPolicy policy, String streamPrefix, String workflowStream, RetentionScope scope) {
        this.client = Objects.requireNonNull(client, "client");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.streamPrefix = Objects.requireNonNull(streamPrefix, "streamPrefix");
        this.workflowStream = workflowStream == null ? "" : workflowStream;
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Runs one pass. Never throws: every failure is logged at WARNING and listed in the result. */
    RetentionPass run(Instant now) {
        long started = System.nanoTime();
        List<String> errors = new ArrayList<>();
        int examined = 0;
        int trimmedStreams = 0;
        long trimmedEntries = 0;
        SortedSet<String> streams;
        try {
            streams = streams();
        } catch (RuntimeException e) {
            // Caught (see StreamRetention.onTimeout): the next pass lists the streams again.
            LOG.log(Level.WARNING, "Stream retention could not list the streams to trim; retrying next pass", e);
            errors.add("listing streams: " + e);
            streams = new TreeSet<>();
        }
        for (String name : streams) {
            examined++;
            try {
                long removed = trim(name, now);
                if (removed > 0) {
                    trimmedStreams++;
                    trimmedEntries += removed;
                }
            } catch (RuntimeException e) {
                // Caught per stream: one stream's failure (a key deleted or retyped under us, a timeout) must not
                // stop the others from being trimmed, and the next pass retries it from a fresh reading.
                LOG.log(Level.WARNING, "Stream retention could not trim stream " + name + "; retrying next pass", e);
                errors.add(name + ": " + e);
            }
        }
        RetentionPass pass = new RetentionPass(now, Duration.ofNanos(System.nanoTime() - started), examined,
                trimmedStreams, trimmedEntries, errors, false);
        if (trimmedEntries > 0) {
            LOG.info("Stream retention (" + policy + ") removed " + trimmedEntries + " entries from " + trimmedStreams
                    + " of " + examined + " streams");
        }
        return pass;
    }

    /**
     * The streams to manage: every stream key matching {@code <prefix>event-stream:*} (SCAN ... TYPE stream), or
     * only the scope's channels, except dead-letter streams, plus the workflow stream when it exists as a stream and
     * the scope includes the global channel.
     */
    SortedSet<String> streams() {
        RKeys keys = client.getKeys();
        SortedSet<String> names = new TreeSet<>(); // SCAN may return a key twice
        for (String pattern : scope.typeStreamPatterns(streamPrefix)) {
            keys.getKeysStream(KeysScanOptions.defaults().pattern(pattern).type(RType.STREAM).chunkSize(SCAN_COUNT))
                    .filter(name -> !name.endsWith(DEAD_LETTER_SUFFIX))
                    .forEach(names::add);
        }
        if (scope.includesWorkflowStream() && !workflowStream.isBlank() && keys.getType(workflowStream) == RType.STREAM) {
            names.add(workflowStream);
        }
        return names;
    }

    /** Trims one stream; returns the number of entries removed. */
    long trim(String name, Instant now) {
        RStream<String, String> stream = client.getStream(name, StringCodec.INSTANCE);
        StreamInfo<String, String> info = stream.getInfo();
        long length = info.getLength();
        StreamState state = info.getFirstEntry() == null || length == 0
                ? new StreamState(length, Optional.empty())
                : StreamState.of(length, id(info.getFirstEntry().getId()));

        // Order matters: the groups (last-delivered-id) are read BEFORE their pending ids. Reading XPENDING first
        // would let a group read new entries in between, and its newer last-delivered-id would then cover entries
        // that are pending but were not in our XPENDING answer. This way every change in between only makes the
        // floor we compute lower (more conservative) than the truth.
        List<GroupState> groups = new ArrayList<>();
        for (StreamGroup group : stream.listGroups()) {
            StreamId lastDelivered = group.getLastDeliveredId() == null ? StreamId.MIN : id(group.getLastDeliveredId());
            Optional<StreamId> smallestPending = Optional.empty();
            if (group.getPending() > 0) {
                PendingResult pending = stream.getPendingInfo(group.getName());
                if (pending.getTotal() > 0 && pending.getLowestId() != null) {
                    smallestPending = Optional.of(id(pending.getLowestId()));
                }
            }
            groups.add(new GroupState(group.getName(), lastDelivered, smallestPending));
        }

        Optional<StreamId> minId = TrimFloor.minId(policy, state, groups, now, n -> nthNewest(stream, length, n));
        if (minId.isEmpty()) {
            return 0;
        }
        long removed = stream.trim(StreamTrimArgs.minId(redissonId(minId.get())).noLimit());
        if (removed > 0 && LOG.isLoggable(Level.FINE)) {
            LOG.fine("Trimmed " + removed + " entries of " + name + " below " + minId.get() + " (groups " + groups + ")");
        }
        return removed;
    }

    /** The id of the {@code n}-th newest entry, with one XRANGE or XREVRANGE from the nearer end. */
    static Optional<StreamId> nthNewest(RStream<String, String> stream, long length, long n) {
        if (n < 1 || n > length) {
            return Optional.empty();
        }
        TrimFloor.RangePlan plan = TrimFloor.RangePlan.nthNewest(length, n);
        int count = (int) Math.min(Integer.MAX_VALUE, plan.count());
        Map<StreamMessageId, Map<String, String>> entries = plan.reversed()
                ? stream.rangeReversed(count, StreamMessageId.MAX, StreamMessageId.MIN)
                : stream.range(count, StreamMessageId.MIN, StreamMessageId.MAX);
        if (entries.size() < count) {
            // The stream shrank since XINFO STREAM (someone else trimmed it): decide again next pass.
            return Optional.empty();
        }
        StreamMessageId last = null;
        for (StreamMessageId key : entries.keySet()) {
            last = key;
        }
        return Optional.ofNullable(last).map(StreamTrimmer::id);
    }

    static StreamId id(StreamMessageId id) {
        return new StreamId(id.getId0(), id.getId1());
    }

    static StreamMessageId redissonId(StreamId id) {
        return new StreamMessageId(id.millis(), id.sequence());
    }

    /** Escapes the glob characters of SCAN MATCH so a prefix is matched literally. */
    static String globEscape(String literal) {
        StringBuilder escaped = new StringBuilder(literal.length() + 8);
        for (char c : literal.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
