package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Objects;
import java.util.Optional;

/**
 * One workflow a domain event reaches, as the catalog and the simulator show it: {@code start} (its trigger would
 * start a new execution of that version) or {@code resume} (waiting executions correlated with the event may take
 * it, if their state accepts it).
 *
 * @param version          the definition version a start uses; empty for a resume, whose executions pinned their own
 * @param correlationField the trigger's payload field that becomes the execution's key, when it has one
 * @param correlationKey   that field's value in the event, when there is an event
 */
public record TriggeredWorkflow(String workflow, Optional<Integer> version, Action action, Optional<String> correlationField,
                                Optional<String> correlationKey, PayloadFilter filter) {

    public enum Action {
        START, RESUME;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public TriggeredWorkflow {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(action, "action");
        filter = filter == null ? PayloadFilter.NONE : filter;
    }

    static TriggeredWorkflow start(TriggerMatch match) {
        return new TriggeredWorkflow(match.definition().name(), Optional.of(match.definition().version()), Action.START,
                Optional.ofNullable(match.trigger().correlationField()), match.correlationKey(), match.trigger().filter());
    }

    static TriggeredWorkflow resume(Correlation correlation) {
        return new TriggeredWorkflow(correlation.workflowName(), Optional.empty(), Action.RESUME, Optional.empty(),
                Optional.of(correlation.key()), PayloadFilter.NONE);
    }

    /** {@code {"workflow","version"?,"action","correlationField"?,"correlationKey"?,"filter"?}}: absent members are left out. */
    public JsonObject toJson() {
        JsonObjectBuilder json = WireJson.builders().createObjectBuilder().add("workflow", workflow);
        version.ifPresent(v -> json.add("version", v));
        json.add("action", action.wireName());
        correlationField.ifPresent(field -> json.add("correlationField", field));
        correlationKey.ifPresent(key -> json.add("correlationKey", key));
        if (!filter.isEmpty()) {
            JsonObjectBuilder allowed = WireJson.builders().createObjectBuilder();
            filter.allowed().forEach((field, values) -> allowed.add(field, WireJson.builders().createArrayBuilder(values)));
            json.add("filter", allowed);
        }
        return json.build();
    }
}
