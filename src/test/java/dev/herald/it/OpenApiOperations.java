package dev.herald.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** What the tests that walk the live OpenAPI document read from an operation. */
final class OpenApiOperations {

    private OpenApiOperations() {
    }

    /** The first documented JSON example of the operation's request body, "{}" when it has none, null when it takes none. */
    static String exampleBody(JsonObject operation) {
        JsonObject content = operation.containsKey("requestBody")
                ? operation.getJsonObject("requestBody").getJsonObject("content") : null;
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject json = content.getJsonObject("application/json");
        if (json.containsKey("example")) {
            return text(json.get("example"));
        }
        if (json.containsKey("examples")) {
            for (JsonValue example : json.getJsonObject("examples").values()) {
                JsonValue value = example.asJsonObject().get("value");
                if (value != null) {
                    return text(value);
                }
            }
        }
        return "{}";
    }

    /** An example's JSON text: MicroProfile OpenAPI keeps an annotation's example as a string. */
    static String text(JsonValue value) {
        return value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString() : value.toString();
    }
}
