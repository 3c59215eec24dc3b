package dev.herald.schema;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tells whether a new text of a schema could reject a payload that the published text accepted (payload
 * convention 7): such a change must become a new version, never an edit.
 *
 * <p>The comparison is structural and conservative: subschemas are matched by position (anyOf/oneOf/allOf
 * branches) and by name (properties, definitions), and {@code $ref}s are compared as text, not followed, since
 * the definitions they point to are compared on their own. A reordering of branches therefore reads as a
 * change. An assertion keyword the guard does not model is reported whenever it is added or changed.
 *
 * <p>The guard compares texts of the same version. Between two versions of a type anything may change
 * ({@link #versionProblems}): a reader of v1 never meets a v2 payload on the keys it reads (docs/wire-format.md).
 */
public final class CompatibilityGuard {

    /** Keywords that never make a payload invalid. */
    private static final Set<String> ANNOTATIONS = Set.of("$schema", "$id", "$comment", "$anchor", "title",
            "description", "examples", "default", "deprecated", "readOnly", "writeOnly", "definitions", "$defs");
    /** Keywords compared below; everything else that is not an annotation is compared as text. */
    private static final Set<String> MODELLED = Set.of("type", "required", "enum", "const", "format", "properties",
            "additionalProperties", "items", "anyOf", "oneOf", "allOf", "$ref", "minLength", "maxLength", "minimum",
            "maximum", "exclusiveMinimum", "exclusiveMaximum", "minItems", "maxItems", "minProperties",
            "maxProperties");
    private static final Set<String> LOWER_BOUNDS = Set.of("minLength", "minimum", "exclusiveMinimum", "minItems",
            "minProperties");
    private static final Set<String> UPPER_BOUNDS = Set.of("maxLength", "maximum", "exclusiveMaximum", "maxItems",
            "maxProperties");

    private final List<String> changes = new ArrayList<>();

    private CompatibilityGuard() {
    }

    /**
     * The version rule over a whole set of schemas: a published text (by ref) may only change compatibly; a new
     * version is a new schema and may break the previous one freely (that is what versions are for, and an
     * {@code Upcaster} bridges them); every shipped version must itself be published (frozen), so its later edits are
     * checked too; and versions follow each other without gaps, so an upcaster chain can reach every one.
     *
     * @param published the frozen texts by ref ({@code payload.TicketCreated.v1})
     * @return one sentence per problem, naming the ref; empty when the rule holds
     */
    public static List<String> versionProblems(Map<String, JsonObject> published, Collection<PayloadSchema> shipped) {
        Map<String, PayloadSchema> byRef = new TreeMap<>();
        shipped.forEach(schema -> byRef.put(schema.ref(), schema));
        List<String> problems = new ArrayList<>();
        new TreeMap<>(published).forEach((ref, text) -> {
            PayloadSchema now = byRef.get(ref);
            if (now == null) {
                problems.add(ref + ": published, but no longer shipped");
                return;
            }
            List<String> breaking = breakingChanges(text, now.document());
            if (!breaking.isEmpty()) {
                problems.add(ref + ": an edit of a published version that can reject what it accepted (add a new"
                        + " version instead):\n    " + String.join("\n    ", breaking));
            }
        });
        for (PayloadSchema schema : byRef.values()) {
            if (!published.containsKey(schema.ref())) {
                problems.add(schema.ref() + ": shipped but not frozen as published");
            }
            String previous = "payload." + schema.name() + ".v" + (schema.version() - 1);
            if (schema.version() > 1 && !byRef.containsKey(previous)) {
                problems.add(schema.ref() + ": version " + schema.version() + " without " + previous
                        + " (versions follow each other, so upcasters can chain)");
            }
        }
        return problems;
    }

    /** Each change that could reject a payload {@code published} accepted, as "pointer: what changed". */
    public static List<String> breakingChanges(JsonObject published, JsonObject candidate) {
        CompatibilityGuard guard = new CompatibilityGuard();
        guard.compare("", published, candidate);
        guard.compareDefinitions(published, candidate);
        return List.copyOf(guard.changes);
    }

    private void compare(String at, JsonValue publishedNode, JsonValue candidateNode) {
        if (publishedNode == JsonValue.FALSE || publishedNode.equals(candidateNode) || accepts(candidateNode)) {
            return; // nothing was accepted, nothing changed, or everything is accepted now
        }
        if (candidateNode == JsonValue.FALSE) {
            report(at, "now rejects every value");
            return;
        }
        JsonObject published = asObject(publishedNode);
        JsonObject candidate = asObject(candidateNode);
        compareType(at, published, candidate);
        compareRequired(at, published, candidate);
        compareValues(at, published, candidate);
        compareBounds(at, published, candidate);
        compareProperties(at, published, candidate);
        compareItems(at, published, candidate);
        compareBranches(at, "anyOf", published, candidate);
        compareBranches(at, "oneOf", published, candidate);
        compareBranches(at, "allOf", published, candidate);
        compareUnmodelled(at, published, candidate);
    }

    private void compareDefinitions(JsonObject published, JsonObject candidate) {
        for (String container : List.of("definitions", "$defs")) {
            if (published.get(container) instanceof JsonObject before
                    && candidate.get(container) instanceof JsonObject after) {
                for (Map.Entry<String, JsonValue> definition : before.entrySet()) {
                    if (after.containsKey(definition.getKey())) {
                        String at = JsonPointers.child("/" + container, definition.getKey());
                        compare(at, definition.getValue(), after.get(definition.getKey()));
                    }
                }
            }
        }
    }

    private void compareType(String at, JsonObject published, JsonObject candidate) {
        List<String> before = SchemaNodes.types(published);
        List<String> after = SchemaNodes.types(candidate);
        if (after.isEmpty()) {
            return;
        }
        if (before.isEmpty()) {
            report(at, "type restricted to " + after + " (any type was accepted)");
            return;
        }
        for (String type : before) {
            boolean kept = after.contains(type) || (type.equals("integer") && after.contains("number"));
            if (!kept) {
                report(at, "type " + type + " no longer accepted (was " + before + ", now " + after + ")");
            }
        }
    }

    private void compareRequired(String at, JsonObject published, JsonObject candidate) {
        Set<String> before = new LinkedHashSet<>(SchemaNodes.strings(published.get("required")));
        for (String name : SchemaNodes.strings(candidate.get("required"))) {
            if (!before.contains(name)) {
                report(at, "new required field '" + name + "'");
            }
        }
    }

    private void compareValues(String at, JsonObject published, JsonObject candidate) {
        if (candidate.get("enum") instanceof JsonArray after) {
            if (published.get("enum") instanceof JsonArray before) {
                for (JsonValue value : before) {
                    if (!after.contains(value)) {
                        report(at, "enum value " + WireJson.write(value) + " removed");
                    }
                }
            } else if (!published.containsKey("const")) {
                report(at, "enum " + WireJson.write(after) + " added (any value was accepted)");
            }
        }
        if (candidate.containsKey("const") && !candidate.get("const").equals(published.get("const"))) {
            report(at, "const " + WireJson.write(candidate.get("const")) + " added or changed");
        }
        String before = published.getString("format", null);
        String after = candidate.getString("format", null);
        if (after != null && before == null) {
            report(at, "format '" + after + "' added");
        } else if (after != null && !after.equals(before)) {
            report(at, "format changed from '" + before + "' to '" + after + "'");
        }
    }

    private void compareBounds(String at, JsonObject published, JsonObject candidate) {
        for (String keyword : LOWER_BOUNDS) {
            if (candidate.get(keyword) instanceof JsonNumber after
                    && (!(published.get(keyword) instanceof JsonNumber before)
                    || after.bigDecimalValue().compareTo(before.bigDecimalValue()) > 0)) {
                report(at, keyword + " raised to " + after);
            }
        }
        for (String keyword : UPPER_BOUNDS) {
            if (candidate.get(keyword) instanceof JsonNumber after
                    && (!(published.get(keyword) instanceof JsonNumber before)
                    || after.bigDecimalValue().compareTo(before.bigDecimalValue()) < 0)) {
                report(at, keyword + " lowered to " + after);
            }
        }
    }

    /**
     * A property name the published schema did not list was governed by its additionalProperties, so a new
     * property is compared with that (passing trivially when it was {@code false}); a removed one is compared
     * with the candidate's additionalProperties.
     */
    private void compareProperties(String at, JsonObject published, JsonObject candidate) {
        JsonValue additionalBefore = published.getOrDefault("additionalProperties", JsonValue.TRUE);
        JsonValue additionalAfter = candidate.getOrDefault("additionalProperties", JsonValue.TRUE);
        JsonObject before = objectOrEmpty(published.get("properties"));
        JsonObject after = objectOrEmpty(candidate.get("properties"));
        String properties = at + "/properties";
        for (Map.Entry<String, JsonValue> property : before.entrySet()) {
            String name = property.getKey();
            String here = JsonPointers.child(properties, name);
            if (after.containsKey(name)) {
                compare(here, property.getValue(), after.get(name));
            } else if (additionalAfter == JsonValue.FALSE) {
                report(here, "removed while additionalProperties is false");
            } else {
                compare(here, property.getValue(), additionalAfter);
            }
        }
        for (Map.Entry<String, JsonValue> property : after.entrySet()) {
            if (!before.containsKey(property.getKey())) {
                compare(JsonPointers.child(properties, property.getKey()), additionalBefore, property.getValue());
            }
        }
        if (additionalAfter == JsonValue.FALSE && additionalBefore != JsonValue.FALSE) {
            report(at + "/additionalProperties", "turned false (unlisted properties were accepted)");
        } else if (additionalAfter != JsonValue.FALSE) {
            compare(at + "/additionalProperties", additionalBefore, additionalAfter);
        }
    }

    private void compareItems(String at, JsonObject published, JsonObject candidate) {
        if (candidate.containsKey("items")) {
            compare(at + "/items", published.getOrDefault("items", JsonValue.TRUE), candidate.get("items"));
        }
    }

    private void compareBranches(String at, String keyword, JsonObject published, JsonObject candidate) {
        if (!(candidate.get(keyword) instanceof JsonArray after)) {
            return; // dropping a combinator only widens
        }
        String here = at + "/" + keyword;
        if (!(published.get(keyword) instanceof JsonArray before)) {
            report(here, keyword + " added");
            return;
        }
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            compare(here + "/" + i, before.get(i), after.get(i));
        }
        if (after.size() < before.size() && !keyword.equals("allOf")) {
            report(here, (before.size() - after.size()) + " branch(es) removed");
        }
        if (after.size() > before.size() && !keyword.equals("anyOf")) {
            report(here, keyword.equals("oneOf")
                    ? "branch added (a payload may now match more than one branch)"
                    : "condition added");
        }
    }

    private void compareUnmodelled(String at, JsonObject published, JsonObject candidate) {
        String beforeRef = published.getString("$ref", null);
        String afterRef = candidate.getString("$ref", null);
        if (afterRef != null && !afterRef.equals(beforeRef)) {
            report(at + "/$ref", "now refers to " + afterRef + (beforeRef == null ? "" : " instead of " + beforeRef));
        }
        for (Map.Entry<String, JsonValue> entry : candidate.entrySet()) {
            String keyword = entry.getKey();
            if (!ANNOTATIONS.contains(keyword) && !MODELLED.contains(keyword)
                    && !entry.getValue().equals(published.get(keyword))) {
                report(at + "/" + keyword, "added or changed; the guard cannot tell whether that is compatible");
            }
        }
    }

    private static boolean accepts(JsonValue node) {
        return node == JsonValue.TRUE || JsonValue.EMPTY_JSON_OBJECT.equals(node);
    }

    private static JsonObject asObject(JsonValue node) {
        return node instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT; // true == {}
    }

    private static JsonObject objectOrEmpty(JsonValue node) {
        return node instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
    }

    private void report(String at, String change) {
        changes.add((at.isEmpty() ? "/" : at) + ": " + change);
    }
}
