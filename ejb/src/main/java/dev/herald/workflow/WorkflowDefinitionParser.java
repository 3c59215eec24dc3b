package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a workflow definition from JSON:
 *
 * <pre>{@code
 * { "name": "ticket-lifecycle", "version": 1, "initialState": "open",
 *   "states": { "open": "WAITING", "closed": "COMPLETED" },
 *   "transitions": [ { "from": "open", "onEvent": "TICKET_CLOSED", "to": "closed",
 *                      "guard": { "reason": ["duplicate", "spam"] },
 *                      "merge": { "mode": "MERGE", "fields": ["reason"] } } ],
 *   "triggers": [ { "eventType": "TICKET_CREATED", "tenant": "acme", "filter": { ... }, "correlationField": "ticketId" } ] }
 * }</pre>
 *
 * {@code guard}, {@code merge} (default MERGE of the whole payload; {@code "NONE"} as a plain string works too),
 * {@code triggers}, {@code tenant}, {@code filter} and {@code correlationField} are optional. Unknown keys are
 * refused, because a misspelt {@code "gaurd"} would otherwise silently drop a guard.
 */
public final class WorkflowDefinitionParser {

    private static final Set<String> ROOT_KEYS = Set.of("name", "version", "initialState", "states", "transitions", "triggers", "description",
            "eventVersions");
    private static final Set<String> TRANSITION_KEYS = Set.of("from", "onEvent", "to", "guard", "merge");
    private static final Set<String> MERGE_KEYS = Set.of("mode", "fields");
    private static final Set<String> TRIGGER_KEYS = Set.of("eventType", "tenant", "filter", "correlationField");

    private WorkflowDefinitionParser() {
    }

    public static WorkflowDefinition parse(String source, String json) {
        JsonValue value;
        try {
            value = WireJson.parse(json);
        } catch (JsonException e) {
            throw new WorkflowDefinitionException(source, "is not valid JSON: " + e.getMessage(), e);
        }
        if (!(value instanceof JsonObject root)) {
            throw new WorkflowDefinitionException(source, "a workflow definition must be a JSON object, found " + value.getValueType());
        }
        try {
            return definition(root);
        } catch (IllegalArgumentException e) {
            throw new WorkflowDefinitionException(source, e.getMessage(), e);
        }
    }

    private static WorkflowDefinition definition(JsonObject root) {
        onlyKeys(root, ROOT_KEYS, "the definition");
        Map<String, ExecutionStatus> states = new LinkedHashMap<>();
        object(root, "states", "the definition").forEach((state, status) ->
                states.put(state, enumValue(ExecutionStatus.class, status, "states/" + state)));
        List<Transition> transitions = new ArrayList<>();
        JsonArray declared = array(root, "transitions", "the definition", true);
        for (int i = 0; i < declared.size(); i++) {
            transitions.add(transition(element(declared, i, "transitions"), "transitions[" + i + "]"));
        }
        List<Trigger> triggers = new ArrayList<>();
        JsonArray declaredTriggers = array(root, "triggers", "the definition", false);
        for (int i = 0; i < declaredTriggers.size(); i++) {
            triggers.add(trigger(element(declaredTriggers, i, "triggers"), "triggers[" + i + "]"));
        }
        Map<String, Integer> eventVersions = new LinkedHashMap<>();
        if (root.containsKey("eventVersions")) {
            object(root, "eventVersions", "the definition").forEach((type, v) -> {
                if (!(v instanceof jakarta.json.JsonNumber n) || !n.isIntegral() || n.intValue() < 1) {
                    throw new IllegalArgumentException("eventVersions/" + type + " must be a version, 1 or more, found " + v);
                }
                eventVersions.put(type, n.intValue());
            });
        }
        return new WorkflowDefinition(text(root, "name", "the definition", true), version(root),
                text(root, "initialState", "the definition", true), states, transitions, triggers, eventVersions);
    }

    private static Transition transition(JsonObject json, String where) {
        onlyKeys(json, TRANSITION_KEYS, where);
        return new Transition(text(json, "from", where, true), text(json, "onEvent", where, true),
                text(json, "to", where, true), filter(json, "guard", where), merge(json.get("merge"), where));
    }

    private static Trigger trigger(JsonObject json, String where) {
        onlyKeys(json, TRIGGER_KEYS, where);
        return new Trigger(text(json, "eventType", where, true), text(json, "tenant", where, false),
                filter(json, "filter", where), text(json, "correlationField", where, false));
    }

    private static MergeRule merge(JsonValue value, String where) {
        if (value == null) {
            return MergeRule.MERGE_ALL;
        }
        if (value instanceof JsonString mode) {
            return new MergeRule(enumValue(MergeRule.Mode.class, mode, where + " merge"), List.of());
        }
        if (!(value instanceof JsonObject rule)) {
            throw new IllegalArgumentException(where + ": merge must be a mode string or {\"mode\": ..., \"fields\": [...]}");
        }
        onlyKeys(rule, MERGE_KEYS, where + " merge");
        if (!rule.containsKey("mode")) {
            throw new IllegalArgumentException(where + ": merge needs a mode (MERGE, REPLACE or NONE)");
        }
        List<String> fields = new ArrayList<>();
        JsonArray listed = array(rule, "fields", where + " merge", false);
        for (int i = 0; i < listed.size(); i++) {
            if (!(listed.get(i) instanceof JsonString field) || field.getString().isBlank()) {
                throw new IllegalArgumentException(where + ": merge fields must be field names, found " + listed.get(i));
            }
            fields.add(field.getString());
        }
        return new MergeRule(enumValue(MergeRule.Mode.class, rule.get("mode"), where + " merge mode"), fields);
    }

    /** A field maps to one allowed value or an array of them. */
    private static PayloadFilter filter(JsonObject json, String key, String where) {
        if (!json.containsKey(key)) {
            return PayloadFilter.NONE;
        }
        Map<String, List<JsonValue>> allowed = new LinkedHashMap<>();
        object(json, key, where).forEach((field, values) ->
                allowed.put(field, values instanceof JsonArray array ? List.copyOf(array) : List.of(values)));
        try {
            return new PayloadFilter(allowed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " " + key + ": " + e.getMessage(), e);
        }
    }

    private static int version(JsonObject root) {
        JsonValue version = root.get("version");
        if (version == null) {
            throw new IllegalArgumentException("the definition is missing \"version\"");
        }
        if (!(version instanceof JsonNumber number) || !number.isIntegral()) {
            throw new IllegalArgumentException("\"version\" must be an integer, found " + version);
        }
        return number.intValueExact();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonValue value, String where) {
        List<String> names = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        if (value instanceof JsonString text && names.contains(text.getString().toUpperCase(Locale.ROOT))) {
            return Enum.valueOf(type, text.getString().toUpperCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(where + " must be one of " + names + ", found " + value);
    }

    private static String text(JsonObject json, String key, String where, boolean required) {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new IllegalArgumentException(where + " is missing \"" + key + "\"");
            }
            return null;
        }
        if (!(value instanceof JsonString text) || text.getString().isBlank()) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be a non-empty string, found " + value);
        }
        return text.getString();
    }

    private static JsonObject object(JsonObject json, String key, String where) {
        JsonValue value = json.get(key);
        if (value == null) {
            throw new IllegalArgumentException(where + " is missing \"" + key + "\"");
        }
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be an object, found " + value.getValueType());
        }
        return object;
    }

    private static JsonArray array(JsonObject json, String key, String where, boolean required) {
        JsonValue value = json.get(key);
        if (value == null) {
            if (required) {
                throw new IllegalArgumentException(where + " is missing \"" + key + "\"");
            }
            return JsonValue.EMPTY_JSON_ARRAY;
        }
        if (!(value instanceof JsonArray array)) {
            throw new IllegalArgumentException(where + ": \"" + key + "\" must be an array, found " + value.getValueType());
        }
        return array;
    }

    private static JsonObject element(JsonArray array, int index, String key) {
        if (!(array.get(index) instanceof JsonObject object)) {
            throw new IllegalArgumentException(key + "[" + index + "] must be an object, found " + array.get(index).getValueType());
        }
        return object;
    }

    private static void onlyKeys(JsonObject json, Set<String> allowed, String where) {
        List<String> unknown = json.keySet().stream().filter(key -> !allowed.contains(key)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(where + " has unknown keys " + unknown + "; allowed are " + allowed.stream().sorted().toList());
        }
    }
}
