package dev.herald.workflow;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, without touching storage, what a domain event from the workflow stream means for the deployed
 * definitions: which ones it starts ({@link #starts}) and which waiting executions it may resume
 * ({@link #resumes}). A definition is started at most once per event, by its first matching trigger.
 *
 * <p>A trigger with a correlation field does not match an event lacking a usable value for it (a string or a
 * number): the execution could never be resumed, and starting it anyway would only hide the broken event.
 */
public final class TriggerMatcher {

    private final List<WorkflowDefinition> definitions;

    public TriggerMatcher(List<WorkflowDefinition> definitions) {
        this.definitions = List.copyOf(definitions);
    }

    public List<TriggerMatch> starts(String eventType, String tenant, JsonObject payload) {
        List<TriggerMatch> matches = new ArrayList<>();
        for (WorkflowDefinition definition : definitions) {
            for (Trigger trigger : definition.triggers()) {
                Optional<TriggerMatch> match = match(definition, trigger, eventType, tenant, payload);
                if (match.isPresent()) {
                    matches.add(match.get());
                    break;
                }
            }
        }
        return matches;
    }

    /**
     * The triggers of the tenant's definitions that listen to an event type, whatever a payload would hold: what the
     * catalog shows. Each has no correlation key, since no event supplied one; at most one per definition, as in
     * {@link #starts}.
     */
    public List<TriggerMatch> triggersOn(String eventType, String tenant) {
        List<TriggerMatch> found = new ArrayList<>();
        for (WorkflowDefinition definition : definitions) {
            definition.triggers().stream()
                    .filter(trigger -> trigger.eventType().equals(eventType) && tenantMatches(trigger, tenant))
                    .findFirst()
                    .ifPresent(trigger -> found.add(new TriggerMatch(definition, trigger, Optional.empty())));
        }
        return found;
    }

    /**
     * The correlations under which waiting executions may take this event: for each definition with a WAITING
     * state that has a transition on the event, the value of each of its triggers' correlation fields present in
     * the payload. Whether the execution's current state accepts the event is the reducer's decision.
     */
    public List<Correlation> resumes(String eventName, String tenant, JsonObject payload) {
        Set<Correlation> found = new LinkedHashSet<>();
        for (WorkflowDefinition definition : definitions) {
            if (!definition.awaitedEvents().contains(eventName)) {
                continue;
            }
            for (Trigger trigger : definition.triggers()) {
                if (trigger.correlationField() != null && tenantMatches(trigger, tenant)) {
                    correlationValue(payload, trigger.correlationField())
                            .ifPresent(key -> found.add(new Correlation(definition.name(), key)));
                }
            }
        }
        return List.copyOf(found);
    }

    private static Optional<TriggerMatch> match(WorkflowDefinition definition, Trigger trigger, String eventType,
                                                String tenant, JsonObject payload) {
        if (!trigger.eventType().equals(eventType) || !tenantMatches(trigger, tenant) || !trigger.filter().matches(payload)) {
            return Optional.empty();
        }
        if (trigger.correlationField() == null) {
            return Optional.of(new TriggerMatch(definition, trigger, Optional.empty()));
        }
        return correlationValue(payload, trigger.correlationField())
                .map(key -> new TriggerMatch(definition, trigger, Optional.of(key)));
    }

    private static boolean tenantMatches(Trigger trigger, String tenant) {
        return trigger.tenant() == null || Objects.equals(trigger.tenant(), tenant);
    }

    private static Optional<String> correlationValue(JsonObject payload, String field) {
        JsonValue value = payload.get(field);
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            return Optional.of(text.getString());
        }
        if (value instanceof JsonNumber number) {
            return Optional.of(number.toString());
        }
        return Optional.empty();
    }
}
