package dev.herald.publish;

import dev.herald.events.EventIssue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which channels an event may name. A channel name becomes part of Redis keys ({@code {prefix}event-stream:{channel}:{TYPE}})
 * and of the relay's records, so it is held to a strict pattern: lowercase letters, digits, {@code -}, {@code _} and
 * {@code .}, starting with a letter or digit, at most {@value #MAX_NAME_LENGTH} characters. A configured allow-list
 * narrows that further ({@code global} is always allowed: it is the default channel); an event names a bounded
 * number of channels.
 */
public final class ChannelPolicy {

    public static final int MAX_NAME_LENGTH = 64;
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0," + (MAX_NAME_LENGTH - 1) + "}");

    /** Any name of the pattern, up to {@link PublishSettings#DEFAULT_MAX_CHANNELS} per event. */
    public static final ChannelPolicy ANY = new ChannelPolicy(Set.of(), PublishSettings.DEFAULT_MAX_CHANNELS);

    private final Set<String> allowed;
    private final int maxChannels;

    /**
     * @param allowed     the only names an event may use besides {@code global}; empty for any name of the pattern
     * @param maxChannels how many channels one event may name
     * @throws IllegalArgumentException for an allow-list name that does not follow the pattern, or a bound below 1
     */
    public ChannelPolicy(Set<String> allowed, int maxChannels) {
        if (maxChannels < 1) {
            throw new IllegalArgumentException("an event must be allowed at least one channel, not " + maxChannels);
        }
        List<String> invalid = allowed.stream().filter(name -> !NAME.matcher(name).matches()).toList();
        if (!invalid.isEmpty()) {
            throw new IllegalArgumentException("allowed channels must match " + NAME.pattern() + ": " + invalid);
        }
        this.allowed = Set.copyOf(allowed);
        this.maxChannels = maxChannels;
    }

    /** From the configured list: names separated by commas, blank for any name. */
    public static ChannelPolicy configured(String allowList, int maxChannels) {
        Set<String> names = allowList == null ? Set.of() : Arrays.stream(allowList.split(","))
                .map(String::strip).filter(name -> !name.isEmpty()).collect(Collectors.toSet());
        return new ChannelPolicy(names, maxChannels);
    }

    /** What is wrong with the channels an event names, each at its pointer ({@code /channels/3}); empty when nothing. */
    public List<EventIssue> issues(List<String> channels) {
        List<EventIssue> issues = new ArrayList<>();
        if (channels.size() > maxChannels) {
            issues.add(new EventIssue("/channels", "an event goes to at most " + maxChannels + " channels, not " + channels.size()));
            return issues;
        }
        for (int i = 0; i < channels.size(); i++) {
            String name = channels.get(i);
            String pointer = "/channels/" + i;
            if (name == null) {
                issues.add(new EventIssue(pointer, "must be a channel name, not null"));
            } else if (!NAME.matcher(name).matches()) {
                issues.add(new EventIssue(pointer, "must be 1 to " + MAX_NAME_LENGTH
                        + " lowercase letters, digits, '-', '_' or '.', starting with a letter or digit"));
            } else if (!allowed.isEmpty() && !allowed.contains(name) && !DomainEvent.GLOBAL_CHANNEL.equals(name)) {
                issues.add(new EventIssue(pointer, "channel '" + name + "' is not one of the configured channels"));
            }
        }
        return issues;
    }
}
