package dev.herald.retention;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which streams retention manages: the per-type streams of every channel, or of the channels named. The workflow
 * stream is written for the {@code global} channel, so it is managed exactly when {@code global} is.
 *
 * @param channels empty = every channel
 */
public record RetentionScope(Optional<Set<String>> channels) {

    public static final String GLOBAL = "global";

    public static RetentionScope allChannels() {
        return new RetentionScope(Optional.empty());
    }

    /** {@code *} (or nothing) for every channel, else a comma-separated list of channel names. */
    public static RetentionScope parse(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("*")) {
            return allChannels();
        }
        Set<String> names = Arrays.stream(setting.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        if (names.stream().anyMatch(name -> name.contains("*"))) {
            throw new IllegalArgumentException("herald.retention.channels takes '*' or channel names, not patterns: " + setting);
        }
        return new RetentionScope(Optional.of(names));
    }

    /** The SCAN MATCH patterns of the managed per-type streams. */
    List<String> typeStreamPatterns(String streamPrefix) {
        String base = StreamTrimmer.globEscape(streamPrefix) + "event-stream:";
        return channels.map(names -> names.stream().sorted().map(name -> base + StreamTrimmer.globEscape(name) + ":*").toList())
                .orElse(List.of(base + "*"));
    }

    boolean includesWorkflowStream() {
        return channels.map(names -> names.contains(GLOBAL)).orElse(true);
    }

    @Override
    public String toString() {
        return channels.map(names -> "channels " + String.join(",", names.stream().sorted().toList())).orElse("every channel");
    }
}
