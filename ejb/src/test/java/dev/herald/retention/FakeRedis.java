package dev.herald.retention;

import dev.herald.redis.StreamId;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.redisson.api.PendingResult;
import org.redisson.api.RKeys;
import org.redisson.api.RStream;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.api.StreamGroup;
import org.redisson.api.StreamInfo;
import org.redisson.api.StreamMessageId;
import org.redisson.api.options.KeysScanParams;
import org.redisson.api.stream.StreamTrimParams;
import org.redisson.client.codec.StringCodec;

/**
 * An in-memory stand-in for the few Redisson calls {@link StreamTrimmer} makes (dynamic proxies: any other call
 * fails the test), recording every call so tests can check which commands went out, and in which order.
 */
final class FakeRedis {

    static final class Group {
        final String name;
        StreamId lastDelivered;
        final TreeSet<StreamId> pending = new TreeSet<>();

        Group(String name, StreamId lastDelivered) {
            this.name = name;
            this.lastDelivered = lastDelivered;
        }
    }

    static final class Stream {
        final String name;
        final TreeMap<StreamId, Map<String, String>> entries = new TreeMap<>();
        final List<Group> groups = new ArrayList<>();
        final List<StreamTrimParams> trims = new ArrayList<>();
        RuntimeException failure;

        Stream(String name) {
            this.name = name;
        }

        Stream entries(String... ids) {
            for (String id : ids) {
                entries.put(StreamId.parse(id), Map.of("event", "{}"));
            }
            return this;
        }

        /** n entries at 1000-0, 2000-0, ... */
        Stream entries(int n) {
            for (int i = 1; i <= n; i++) {
                entries.put(new StreamId(i * 1000L, 0), Map.of("event", "{}"));
            }
            return this;
        }

        Stream group(String name, String lastDelivered, String... pending) {
            Group group = new Group(name, StreamId.parse(lastDelivered));
            for (String id : pending) {
                group.pending.add(StreamId.parse(id));
            }
            groups.add(group);
            return this;
        }

        List<StreamId> ids() {
            return new ArrayList<>(entries.keySet());
        }
    }

    final Map<String, Stream> streams = new TreeMap<>();
    final Map<String, RType> otherKeys = new TreeMap<>();
    final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final List<KeysScanParams> scans = new ArrayList<>();
    RuntimeException scanFailure;

    Stream stream(String name) {
        return streams.computeIfAbsent(name, Stream::new);
    }

    List<String> callsOn(String stream) {
        return calls.stream().filter(c -> c.startsWith(stream + " ")).map(c -> c.substring(stream.length() + 1)).toList();
    }

    RedissonClient client() {
        return proxy(RedissonClient.class, (self, method, args) -> switch (method.getName()) {
            case "getKeys" -> keys();
            case "getStream" -> {
                if (args.length != 2 || args[1] != StringCodec.INSTANCE) {
                    throw new AssertionError("streams must be opened with StringCodec");
                }
                yield stream((String) args[0], streams.get((String) args[0]));
            }
            default -> unsupported(method.getName());
        });
    }

    private RKeys keys() {
        return proxy(RKeys.class, (self, method, args) -> switch (method.getName()) {
            case "getKeysStream" -> {
                if (scanFailure != null) {
                    throw scanFailure;
                }
                KeysScanParams params = (KeysScanParams) args[0];
                scans.add(params);
                calls.add("SCAN " + params.getPattern() + " TYPE " + params.getType());
                Pattern glob = globToRegex(params.getPattern());
                List<String> all = new ArrayList<>(streams.keySet());
                all.addAll(otherKeys.keySet());
                yield all.stream().filter(k -> glob.matcher(k).matches())
                        .filter(k -> params.getType() == null || type(k) == params.getType());
            }
            case "getType" -> type((String) args[0]);
            default -> unsupported(method.getName());
        });
    }

    private RType type(String key) {
        return streams.containsKey(key) ? RType.STREAM : otherKeys.get(key);
    }

    @SuppressWarnings("unchecked")
    private RStream<String, String> stream(String name, Stream stream) {
        return proxy(RStream.class, (self, method, args) -> {
            calls.add(name + " " + method.getName());
            if (stream == null) {
                throw new AssertionError("no such stream " + name);
            }
            if (stream.failure != null) {
                throw stream.failure;
            }
            return switch (method.getName()) {
                case "getName" -> name;
                case "getInfo" -> {
                    StreamInfo<String, String> info = new StreamInfo<>();
                    info.setLength(stream.entries.size());
                    info.setGroups(stream.groups.size());
                    if (!stream.entries.isEmpty()) {
                        Map.Entry<StreamId, Map<String, String>> first = stream.entries.firstEntry();
                        info.setFirstEntry(new StreamInfo.Entry<>(StreamTrimmer.redissonId(first.getKey()), first.getValue()));
                    }
                    yield info;
                }
                case "listGroups" -> stream.groups.stream()
                        .map(g -> new StreamGroup(g.name, 1, g.pending.size(), StreamTrimmer.redissonId(g.lastDelivered)))
                        .toList();
                case "getPendingInfo" -> {
                    Group group = stream.groups.stream().filter(g -> g.name.equals(args[0])).findFirst().orElseThrow();
                    yield group.pending.isEmpty()
                            ? new PendingResult(0, null, null, Map.of())
                            : new PendingResult(group.pending.size(), StreamTrimmer.redissonId(group.pending.first()),
                                    StreamTrimmer.redissonId(group.pending.last()), Map.of("c", (long) group.pending.size()));
                }
                case "range" -> range(stream.entries, args, false);
                case "rangeReversed" -> range(stream.entries.descendingMap(), args, true);
                case "trim" -> {
                    StreamTrimParams params = (StreamTrimParams) args[0];
                    stream.trims.add(params);
                    StreamId minId = StreamTrimmer.id(params.getMinId());
                    NavigableMap<StreamId, Map<String, String>> below = stream.entries.headMap(minId, false);
                    long removed = below.size();
                    below.clear();
                    yield removed;
                }
                default -> unsupported(method.getName());
            };
        });
    }

    private static Map<StreamMessageId, Map<String, String>> range(NavigableMap<StreamId, Map<String, String>> entries,
                                                                   Object[] args, boolean reversed) {
        if (args.length != 3 || !(args[0] instanceof Integer count)) {
            throw new AssertionError("expected range(count, start, end)");
        }
        StreamMessageId expectedStart = reversed ? StreamMessageId.MAX : StreamMessageId.MIN;
        StreamMessageId expectedEnd = reversed ? StreamMessageId.MIN : StreamMessageId.MAX;
        if (args[1] != expectedStart || args[2] != expectedEnd) {
            throw new AssertionError("expected a whole-stream range, got " + args[1] + " .. " + args[2]);
        }
        Map<StreamMessageId, Map<String, String>> result = new LinkedHashMap<>();
        entries.entrySet().stream().limit(count)
                .forEach(e -> result.put(StreamTrimmer.redissonId(e.getKey()), e.getValue()));
        return result;
    }

    private static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    private static Object unsupported(String method) {
        throw new AssertionError("StreamTrimmer is not expected to call " + method);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FakeRedis.class.getClassLoader(), new Class<?>[] {type}, (self, method, args) -> {
            switch (method.getName()) {
                case "toString":
                    return "Fake" + type.getSimpleName();
                case "hashCode":
                    return System.identityHashCode(self);
                case "equals":
                    return self == args[0];
                default:
                    return handler.invoke(self, method, args == null ? new Object[0] : args);
            }
        });
    }
}
