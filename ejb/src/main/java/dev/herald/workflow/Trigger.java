package dev.herald.workflow;

import java.util.Objects;

/**
 * A domain event that starts an execution: its type, the tenant it must come from ({@code null} = any tenant), a
 * filter on its payload, and optionally the payload field whose value becomes the execution's correlation key
 * (later events carrying the same value resume the execution).
 */
public record Trigger(String eventType, String tenant, PayloadFilter filter, String correlationField) {

    public Trigger {
        Objects.requireNonNull(eventType, "eventType");
        filter = filter == null ? PayloadFilter.NONE : filter;
    }
}
