package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * RFC 6901 pointers, walked by hand: {@code WireJson.json().createPointer} looks the JSON-P provider up on every call,
 * which is too slow for the validation path.
 */
final class JsonPointers {

    private JsonPointers() {
    }

    static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    static Optional<JsonValue> resolve(JsonValue root, String pointer) {
        if (pointer.isEmpty()) {
            return Optional.of(root);
        }
        if (!pointer.startsWith("/")) {
            return Optional.empty();
        }
        JsonValue current = root;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof JsonObject object) {
                current = object.get(token);
            } else if (current instanceof JsonArray array && token.matches("0|[1-9][0-9]{0,8}")) {
                int index = Integer.parseInt(token);
                current = index < array.size() ? array.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}
