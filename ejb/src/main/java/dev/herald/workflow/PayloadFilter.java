package dev.herald.workflow;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Required values of top-level payload fields: every listed field must be present and equal one of its allowed
 * values. Used both as a transition's guard and as a trigger's filter. Numbers compare by value, so a guard of
 * {@code 2} accepts {@code 2.0}; only strings, numbers and booleans can be required.
 */
public record PayloadFilter(Map<String, List<JsonValue>> allowed) {

    public static final PayloadFilter NONE = new PayloadFilter(Map.of());

    public PayloadFilter {
        Map<String, List<JsonValue>> copy = new LinkedHashMap<>();
        allowed.forEach((field, values) -> {
            if (values.isEmpty()) {
                throw new IllegalArgumentException("field '" + field + "' lists no allowed values");
            }
            for (JsonValue value : values) {
                if (!isScalar(value)) {
                    throw new IllegalArgumentException("field '" + field + "' allows " + value
                            + "; only strings, numbers and booleans can be required");
                }
            }
            copy.put(field, List.copyOf(values));
        });
        allowed = java.util.Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return allowed.isEmpty();
    }

    public boolean matches(JsonObject payload) {
        return firstMismatch(payload).isEmpty();
    }

    /** Why the payload does not match, for error messages: the first field that fails, with what it holds. */
    public Optional<String> firstMismatch(JsonObject payload) {
        for (Map.Entry<String, List<JsonValue>> rule : allowed.entrySet()) {
            JsonValue actual = payload.get(rule.getKey());
            if (actual == null || rule.getValue().stream().noneMatch(value -> same(value, actual))) {
                return Optional.of(rule.getKey() + " is " + (actual == null ? "absent" : actual.toString())
                        + ", required one of " + rule.getValue());
            }
        }
        return Optional.empty();
    }

    private static boolean same(JsonValue expected, JsonValue actual) {
        if (expected instanceof JsonNumber a && actual instanceof JsonNumber b) {
            return a.bigDecimalValue().compareTo(b.bigDecimalValue()) == 0;
        }
        return expected.equals(actual);
    }

    private static boolean isScalar(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING, NUMBER, TRUE, FALSE -> true;
            default -> false;
        };
    }

    @Override
    public String toString() {
        return allowed.entrySet().stream().map(e -> e.getKey() + " in " + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
