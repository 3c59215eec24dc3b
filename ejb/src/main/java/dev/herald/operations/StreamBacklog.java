package dev.herald.operations;

import java.util.List;
import java.util.Optional;

/**
 * One stream of Herald's, as the last sample read it.
 *
 * @param stream      the stream key
 * @param channel     the channel of a per-type stream; empty for the workflow stream
 * @param eventType   the event type of a per-type stream; empty for the workflow stream
 * @param length      entries in the stream
 * @param deadLetters entries in its dead-letter stream ({@code <stream>:dead-letter})
 * @param groups      its consumer groups
 */
public record StreamBacklog(String stream, Optional<String> channel, Optional<String> eventType, long length,
                            long deadLetters, List<GroupBacklog> groups) {

    public StreamBacklog {
        groups = List.copyOf(groups);
    }

    public Optional<GroupBacklog> group(String name) {
        return groups.stream().filter(g -> g.group().equals(name)).findFirst();
    }
}
