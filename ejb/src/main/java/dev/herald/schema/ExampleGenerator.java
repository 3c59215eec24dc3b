package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes a payload that validates against a schema, from the schema alone: schemas that tenants define
 * themselves rarely carry examples, and a UI still wants to show one.
 *
 * <p>Every property is filled in, optional ones too, so the example shows the whole shape. Values are
 * deterministic (the same schema always gives the same example): uuids are derived from the field's pointer,
 * times are a fixed instant in UTC with milliseconds and {@code Z}, as on the wire. Current/legacy schemas are
 * generated from the current (domain) branch. {@code changes} and {@code updatedFields} follow payload
 * convention 5 when the schema leaves their content open. A {@code pattern} is honoured when one of a few
 * typical values matches it (the uuid, date-time and email patterns of the consumers' contract, which the shipped
 * schemas carry); other constraints outside Herald's schema subset ({@code multipleOf}, ...) are not.
 */
public final class ExampleGenerator {

    static final String EXAMPLE_INSTANT = "2026-01-15T09:30:00.000Z";
    static final String EXAMPLE_EMAIL = "alex.morgan@example.com";
    private static final String CHANGED_FIELD = "name";
    private static final JsonBuilderFactory JSON = WireJson.builders();
    /** Looked up once: {@code WireJson.json().createValue} would search for the provider on every call. */
    private static final JsonProvider VALUES = JsonProvider.provider();

    private final JsonObject root;

    private ExampleGenerator(JsonObject root) {
        this.root = root;
    }

    public static JsonObject generate(PayloadSchema schema) {
        JsonValue value = new ExampleGenerator(schema.document()).value(schema.document(), "");
        if (!(value instanceof JsonObject object)) {
            throw new IllegalArgumentException(schema.ref() + " does not describe an object payload");
        }
        return object;
    }

    private JsonValue value(JsonValue node, String pointer) {
        JsonObject schema = SchemaNodes.effective(root, node);
        if (schema.containsKey("const")) {
            return schema.get("const");
        }
        if (schema.get("enum") instanceof JsonArray values && !values.isEmpty()) {
            return values.get(0);
        }
        return switch (typeOf(schema)) {
            case "object" -> object(schema, pointer);
            case "array" -> array(schema, pointer);
            case "integer" -> VALUES.createValue(number(schema, BigDecimal.ONE).setScale(0, RoundingMode.CEILING).toBigInteger());
            case "number" -> VALUES.createValue(number(schema, new BigDecimal("1.5")));
            case "boolean" -> JsonValue.TRUE;
            case "null" -> JsonValue.NULL;
            default -> VALUES.createValue(string(schema, pointer));
        };
    }

    private JsonObject object(JsonObject schema, String pointer) {
        JsonObjectBuilder object = JSON.createObjectBuilder();
        if (schema.get("properties") instanceof JsonObject properties) {
            for (Map.Entry<String, JsonValue> property : properties.entrySet()) {
                String name = property.getKey();
                String child = JsonPointers.child(pointer, name);
                JsonObject sub = SchemaNodes.effective(root, property.getValue());
                object.add(name, conventional(name, sub).orElseGet(() -> value(sub, child)));
            }
        }
        return object.build();
    }

    /** Convention 5: {@code updatedFields} lists dot-paths and {@code changes} maps them to {previous, new}. */
    private Optional<JsonValue> conventional(String name, JsonObject schema) {
        boolean open = !schema.containsKey("enum") && !schema.containsKey("const");
        if (name.equals("changes") && open && typeOf(schema).equals("object") && !schema.containsKey("properties")) {
            return Optional.of(JSON.createObjectBuilder()
                    .add(CHANGED_FIELD, JSON.createObjectBuilder().add("previous", "before").add("new", "after"))
                    .build());
        }
        if (name.equals("updatedFields") && open && typeOf(schema).equals("array")
                && schema.get("items") instanceof JsonObject items
                && SchemaNodes.types(items).equals(List.of("string")) && items.size() == 1) {
            return Optional.of(JSON.createArrayBuilder().add(CHANGED_FIELD).build());
        }
        return Optional.empty();
    }

    private JsonArray array(JsonObject schema, String pointer) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        if (!(schema.get("items") instanceof JsonObject items)) {
            return array.build();
        }
        int count = Math.max(1, intKeyword(schema, "minItems", 1));
        for (int i = 0; i < count; i++) {
            array.add(value(items, pointer + "/" + i));
        }
        return array.build();
    }

    private static String string(JsonObject schema, String pointer) {
        String value = formatted(schema, pointer);
        if (schema.get("pattern") instanceof JsonString pattern && !matches(pattern.getString(), value)) {
            value = Stream.of(uuid(pointer), EXAMPLE_INSTANT, EXAMPLE_EMAIL, EXAMPLE_INSTANT.substring(0, 10))
                    .filter(candidate -> matches(pattern.getString(), candidate))
                    .findFirst().orElse(value);
        }
        int min = intKeyword(schema, "minLength", 0);
        StringBuilder padded = new StringBuilder(value);
        while (padded.length() < min) {
            padded.append('x');
        }
        int max = intKeyword(schema, "maxLength", Integer.MAX_VALUE);
        return padded.length() > max ? padded.substring(0, max) : padded.toString();
    }

    /** JSON Schema patterns are unanchored, like {@link Matcher#find()}. */
    private static boolean matches(String pattern, String value) {
        return Pattern.compile(pattern).matcher(value).find();
    }

    private static String uuid(String pointer) {
        return UUID.nameUUIDFromBytes(pointer.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String formatted(JsonObject schema, String pointer) {
        return switch (schema.getString("format", "")) {
            case "uuid" -> uuid(pointer);
            case "date-time" -> EXAMPLE_INSTANT;
            case "date" -> EXAMPLE_INSTANT.substring(0, 10);
            case "time" -> EXAMPLE_INSTANT.substring(11);
            case "duration" -> "PT1H";
            case "uri", "iri" -> "https://example.com/";
            case "uri-reference", "iri-reference" -> "/example";
            case "hostname" -> "example.com";
            case "json-pointer" -> "/example";
            case "regex" -> ".*";
            default -> "example " + lastToken(pointer);
        };
    }

    private static String typeOf(JsonObject schema) {
        return SchemaNodes.impliedType(schema).orElse(SchemaNodes.types(schema).contains("null") ? "null" : "string");
    }

    /** A small value inside the bounds, if the schema sets any. */
    private static BigDecimal number(JsonObject schema, BigDecimal preferred) {
        BigDecimal value = preferred;
        if (schema.get("minimum") instanceof JsonNumber minimum) {
            value = value.max(minimum.bigDecimalValue());
        }
        if (schema.get("exclusiveMinimum") instanceof JsonNumber minimum) {
            value = value.max(minimum.bigDecimalValue().add(BigDecimal.ONE));
        }
        if (schema.get("maximum") instanceof JsonNumber maximum) {
            value = value.min(maximum.bigDecimalValue());
        }
        return value;
    }

    private static int intKeyword(JsonObject schema, String keyword, int fallback) {
        return schema.get(keyword) instanceof JsonNumber number ? number.intValue() : fallback;
    }

    private static String lastToken(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }
}
