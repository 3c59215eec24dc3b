package dev.herald.workflow;

import java.util.Objects;

/** In state {@code from}, an event named {@code onEvent} whose payload passes {@code guard} moves to {@code to}. */
public record Transition(String from, String onEvent, String to, PayloadFilter guard, MergeRule merge) {

    public Transition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(onEvent, "onEvent");
        Objects.requireNonNull(to, "to");
        guard = guard == null ? PayloadFilter.NONE : guard;
        merge = merge == null ? MergeRule.MERGE_ALL : merge;
    }

    @Override
    public String toString() {
        return from + " --" + onEvent + (guard.isEmpty() ? "" : " " + guard) + "--> " + to;
    }
}
