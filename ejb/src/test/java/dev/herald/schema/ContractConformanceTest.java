package dev.herald.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.contract.ConsumerContract;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every payload Herald accepts is one the existing consumers accept (consumer-contract/README.md): an event that
 * passes Herald's schema but not the consumers' is acknowledged and dropped by them, so it is lost.
 *
 * <p>Checking Herald's examples alone would only show that some payloads pass both. So, per type and per branch of
 * a current/legacy schema, this starts from payloads Herald accepts (its examples, a payload with every property
 * filled in, one with only the required ones) and varies every value at every nesting level in the ways Herald's
 * schemas used to let through: a value dropped, emptied, not a uuid, a date-time with an offset, in lower case or
 * without seconds, a number out of range, the wrong type, an empty array or object, an array item without its
 * required fields. Whatever Herald still accepts must pass the contract, which is checked with a different engine.
 */
class ContractConformanceTest {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final int FAILURES_SHOWN = 40;

    private final SchemaRegistry registry = TestRegistries.shipped();

    @Test
    void everyPayloadHeraldAcceptsIsOneTheConsumersAccept() {
        List<String> failures = new ArrayList<>();
        int generated = 0;
        int accepted = 0;
        for (String eventType : eventTypes()) {
            PayloadSchema schema = schemaOf(eventType);
            Set<JsonObject> payloads = new LinkedHashSet<>();
            for (JsonObject start : startingPayloads(schema)) {
                if (!registry.validate(schema.ref(), start).isEmpty()) {
                    failures.add(eventType + ": a starting payload is refused by Herald itself, so its variations"
                            + " prove nothing: " + start + " " + registry.validate(schema.ref(), start));
                    continue;
                }
                payloads.add(start);
                payloads.addAll(variationsOf(start));
            }
            generated += payloads.size();
            for (JsonObject payload : payloads) {
                if (!registry.validate(schema.ref(), payload).isEmpty()) {
                    continue;
                }
                accepted++;
                List<String> refused = ConsumerContract.payloadViolations(eventType, payload.toString());
                if (!refused.isEmpty()) {
                    failures.add(eventType + " (" + schema.ref() + ") accepts " + payload + "\n      consumers refuse it: "
                            + refused);
                }
            }
        }
        System.out.printf("ContractConformanceTest: %d payloads generated for %d types, %d accepted by Herald, %d of"
                + " those refused by the consumers%n", generated, eventTypes().size(), accepted, failures.size());
        assertTrue(failures.isEmpty(), failures.size() + " payloads Herald accepts and the consumers refuse (first "
                + Math.min(FAILURES_SHOWN, failures.size()) + "):\n  "
                + String.join("\n  ", failures.subList(0, Math.min(FAILURES_SHOWN, failures.size()))));
    }

    @Test
    void everySchemaExampleAndEveryCatalogExampleIsOneTheConsumersAccept() {
        List<String> failures = new ArrayList<>();
        for (String eventType : eventTypes()) {
            PayloadSchema schema = schemaOf(eventType);
            List<JsonObject> examples = new ArrayList<>(schema.examples());
            // GET /api/catalog/{type} and the simulator show the generated example, not the schema's own.
            examples.add(ExampleGenerator.generate(schema));
            for (JsonObject example : examples) {
                List<String> refused = ConsumerContract.payloadViolations(eventType, example.toString());
                if (!refused.isEmpty()) {
                    failures.add(eventType + ": " + example + "\n      consumers refuse it: " + refused);
                }
            }
        }
        for (JsonValue envelope : registry.envelopeSchema().getJsonArray("examples")) {
            List<String> refused = ConsumerContract.envelopeViolations(envelope.toString());
            if (!refused.isEmpty()) {
                failures.add("envelope.v1 example " + envelope + "\n      consumers refuse it: " + refused);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n  ", failures));
    }

    @Test
    void heraldKnowsExactlyTheConsumersEventTypes() {
        Set<String> withSchema = new TreeSet<>();
        eventTypes().forEach(type -> registry.refForEventType(type).ifPresent(ref -> withSchema.add(type)));
        assertEquals(new TreeSet<>(eventTypes()), withSchema);
        assertEquals(280, withSchema.size());
    }

    private static List<String> eventTypes() {
        return ConsumerContract.eventTypes();
    }

    private PayloadSchema schemaOf(String eventType) {
        String ref = registry.refForEventType(eventType).orElseThrow(() -> new AssertionError(eventType + " has no schema"));
        return registry.schema(ref).orElseThrow();
    }

    /** The examples, then for each branch (the schema itself when it has none) a full and a minimal payload. */
    private static List<JsonObject> startingPayloads(PayloadSchema schema) {
        List<JsonObject> starts = new ArrayList<>(schema.examples());
        for (JsonObject branch : branches(schema.document())) {
            JsonObject full = ExampleGenerator.generate(new PayloadSchema(schema.ref(), schema.name(), schema.version(),
                    branch, List.of()));
            starts.add(full);
            Set<String> required = Set.copyOf(SchemaNodes.strings(branch.get("required")));
            var minimal = JSON.createObjectBuilder();
            full.forEach((name, value) -> {
                if (required.contains(name)) {
                    minimal.add(name, value);
                }
            });
            starts.add(minimal.build());
        }
        return starts;
    }

    private static List<JsonObject> branches(JsonObject document) {
        if (!(document.get("anyOf") instanceof JsonArray alternatives)) {
            return List.of(document);
        }
        List<JsonObject> branches = new ArrayList<>();
        alternatives.forEach(alternative -> branches.add(SchemaNodes.followRefs(document, alternative)));
        return branches;
    }

    private static List<JsonObject> variationsOf(JsonObject start) {
        Map<String, JsonValue> positions = new LinkedHashMap<>();
        collectPositions(start, "", positions);
        List<JsonObject> variations = new ArrayList<>();
        positions.forEach((pointer, value) -> {
            variations.add((JsonObject) JSON.createPointer(pointer).remove(start));
            for (JsonValue replacement : replacementsFor(value)) {
                variations.add((JsonObject) JSON.createPointer(pointer).replace(start, replacement));
            }
        });
        positions.put("", start);
        positions.forEach((pointer, value) -> {
            if (value instanceof JsonObject object) {
                JsonObject withUnknownKey = JSON.createObjectBuilder(object).add("unknownToBoth", "x").build();
                variations.add(pointer.isEmpty() ? withUnknownKey
                        : (JsonObject) JSON.createPointer(pointer).replace(start, withUnknownKey));
            }
        });
        return variations;
    }

    /** Every value below the root, by pointer; array items too (their "/0"), so nested fields vary as well. */
    private static void collectPositions(JsonStructure structure, String pointer, Map<String, JsonValue> positions) {
        if (structure instanceof JsonObject object) {
            object.forEach((name, value) -> {
                String child = JsonPointers.child(pointer, name);
                positions.put(child, value);
                if (value instanceof JsonStructure nested) {
                    collectPositions(nested, child, positions);
                }
            });
        } else if (structure instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                String child = pointer + "/" + i;
                positions.put(child, array.get(i));
                if (array.get(i) instanceof JsonStructure nested) {
                    collectPositions(nested, child, positions);
                }
            }
        }
    }

    /** The wrong values Herald's schemas used to take, chosen by the kind of value the position holds. */
    private static List<JsonValue> replacementsFor(JsonValue value) {
        List<JsonValue> wrong = new ArrayList<>(List.of(JsonValue.NULL, JsonValue.TRUE, JSON.createValue(1),
                JSON.createValue(""), JSON.createValue("not-a-uuid"), JsonValue.EMPTY_JSON_OBJECT,
                JsonValue.EMPTY_JSON_ARRAY));
        switch (value.getValueType()) {
            case STRING -> wrong.addAll(List.of(
                    JSON.createValue("2026-11-23T08:41:51.792+01:00"),
                    JSON.createValue("2026-11-23t07:41:51.792z"),
                    JSON.createValue("2026-11-23T07:41Z"),
                    JSON.createValue("2026-11-23"),
                    JSON.createValue("3F1C2A9E-0000-4000-8000-000000000001"),
                    JSON.createValue("3f1c2a9e000040008000000000000001"),
                    JSON.createValue("acme"),
                    JSON.createValue("someone@"),
                    JSON.createValue("someone@example"),
                    JSON.createValue(" "),
                    JSON.createValue("a".repeat(300))));
            case NUMBER -> wrong.addAll(List.of(JSON.createValue(-1), JSON.createValue(0), JSON.createValue(0.5),
                    JSON.createValue(new BigDecimal("1e12")), JSON.createValue(-1.5), JSON.createValue("1")));
            case TRUE, FALSE -> wrong.addAll(List.of(JsonValue.FALSE, JSON.createValue("true")));
            case ARRAY -> wrong.addAll(List.of(JSON.createArrayBuilder().add(JsonValue.EMPTY_JSON_OBJECT).build(),
                    JSON.createArrayBuilder().add("x").build(), JSON.createValue("x")));
            case OBJECT -> wrong.addAll(List.of(JSON.createValue("x"),
                    JSON.createObjectBuilder().add("x", JsonValue.EMPTY_JSON_OBJECT).build()));
            default -> wrong.add(JSON.createValue("x"));
        }
        return wrong;
    }
}
