package dev.herald.subscribe;

import dev.herald.events.Subscribe;
import dev.herald.relay.WireFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * The subscriptions of the application, checked once: every id non-blank and unique (the id selects the one
 * observer a delivery invokes), at least one event type, each SCREAMING_SNAKE_CASE, a non-blank channel.
 */
public final class Subscriptions {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    private final List<Subscription> all;

    private Subscriptions(List<Subscription> all) {
        this.all = List.copyOf(all);
    }

    /** @throws IllegalArgumentException listing every problem, when any subscription is malformed */
    public static Subscriptions of(Collection<Subscription> subscriptions) {
        List<String> problems = problems(subscriptions);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid subscriptions: " + String.join("; ", problems));
        }
        return new Subscriptions(new ArrayList<>(subscriptions));
    }

    /** Every problem of the subscriptions, as sentences naming the observer; empty when they are fine. */
    public static List<String> problems(Collection<Subscription> subscriptions) {
        List<String> problems = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Subscription s : subscriptions) {
            if (s.id() == null || s.id().isBlank()) {
                problems.add(s.observer() + ": @Subscribe needs a non-blank id");
            } else if (seen.putIfAbsent(s.id(), s.observer()) != null) {
                problems.add(s.observer() + ": subscriber id '" + s.id() + "' is already used by " + seen.get(s.id()));
            }
            if (s.types().isEmpty()) {
                problems.add(s.observer() + ": @Subscribe needs at least one event type");
            }
            s.types().stream().filter(t -> !EVENT_TYPE.matcher(t).matches())
                    .forEach(t -> problems.add(s.observer() + ": event type '" + t + "' is not SCREAMING_SNAKE_CASE"));
            if (s.channel() == null || s.channel().isBlank() || s.channel().contains(":")) {
                problems.add(s.observer() + ": channel must be non-blank and without ':', was '" + s.channel() + "'");
            }
        }
        return problems;
    }

    public List<Subscription> all() {
        return all;
    }

    /** The subscriptions that are switched on (see {@link Subscribe#enabledBy()}). */
    public Subscriptions active(Predicate<String> propertyIsTrue) {
        return new Subscriptions(all.stream().filter(s -> s.enabledBy().isEmpty() || propertyIsTrue.test(s.enabledBy())).toList());
    }

    /** The same subscriptions with their tenants named by id: events carry tenant UUIDs, annotations may name slugs. */
    public Subscriptions withTenantIds(UnaryOperator<String> idOf) {
        return new Subscriptions(all.stream().map(s -> new Subscription(s.id(), s.types(), s.channel(),
                s.tenants().stream().map(idOf).collect(Collectors.toSet()), s.enabledBy(), s.observer(), s.observed())).toList());
    }

    /** Per-type stream key → the subscriptions that read it, in a stable order. */
    public Map<String, List<Subscription>> byStream(WireFormat format) {
        Map<String, List<Subscription>> streams = new LinkedHashMap<>();
        for (Subscription s : all) {
            for (String type : s.types()) {
                streams.computeIfAbsent(format.typeStream(s.channel(), type), k -> new ArrayList<>()).add(s);
            }
        }
        streams.replaceAll((k, v) -> List.copyOf(v));
        return streams;
    }
}
