package dev.herald.workflow;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * How a transition's event payload changes the execution data: MERGE copies payload fields over the data, REPLACE
 * makes the payload the new data, NONE leaves the data alone. With {@code fields}, only those payload fields are
 * taken (a field absent from the payload is skipped, not removed), so tenant ids and timestamps of every event do
 * not pile up in the data.
 */
public record MergeRule(Mode mode, List<String> fields) {

    public enum Mode { MERGE, REPLACE, NONE }

    public static final MergeRule MERGE_ALL = new MergeRule(Mode.MERGE, List.of());
    public static final MergeRule KEEP_DATA = new MergeRule(Mode.NONE, List.of());

    public MergeRule {
        fields = List.copyOf(fields);
        if (mode == Mode.NONE && !fields.isEmpty()) {
            throw new IllegalArgumentException("merge mode NONE takes no fields, got " + fields);
        }
    }

    public static MergeRule merge(String... fields) {
        return new MergeRule(Mode.MERGE, List.of(fields));
    }

    public JsonObject apply(JsonObject data, JsonObject payload) {
        return switch (mode) {
            case NONE -> data;
            case REPLACE -> taken(WireJson.builders().createObjectBuilder(), payload).build();
            case MERGE -> taken(WireJson.builders().createObjectBuilder(data), payload).build();
        };
    }

    private JsonObjectBuilder taken(JsonObjectBuilder target, JsonObject payload) {
        if (fields.isEmpty()) {
            payload.forEach(target::add);
        } else {
            fields.stream().filter(payload::containsKey).forEach(field -> target.add(field, payload.get(field)));
        }
        return target;
    }
}
