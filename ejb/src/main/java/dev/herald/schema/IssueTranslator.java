package dev.herald.schema;

import dev.harrel.jsonschema.Error;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns harrel's errors into issues a producer can act on.
 *
 * <ul>
 *   <li>A failed {@code anyOf}/{@code oneOf} is reported through the errors of its first branch, the domain
 *   shape, instead of "does not match any of the schemas" plus the errors of every legacy branch: a producer
 *   of a new payload wants to know what the current shape needs.</li>
 *   <li>A failed {@code required} becomes one issue per missing property, pointing at where it belongs.</li>
 *   <li>{@code additionalProperties: false} errors have no keyword in harrel; the keyword is taken from the
 *   evaluation path.</li>
 * </ul>
 */
final class IssueTranslator {

    private static final Set<String> NAMED_SUBSCHEMAS =
            Set.of("properties", "patternProperties", "definitions", "$defs", "dependentSchemas");

    private final Map<String, JsonObject> documentsById;

    IssueTranslator(Map<String, JsonObject> documentsById) {
        this.documentsById = documentsById;
    }

    List<SchemaIssue> translate(List<Error> errors, JsonValue instance) {
        Set<SchemaIssue> issues = new LinkedHashSet<>();
        for (Error error : withoutSiblingBranches(errors)) {
            issues.addAll(issuesOf(error, instance));
        }
        return withoutPatternRepeatingFormat(issues);
    }

    /**
     * The shipped schemas carry the consumers' regex next to the format it spells out (uuid, date-time): when both
     * fail, the format's message says it and the regex would only repeat it unreadably.
     */
    private static List<SchemaIssue> withoutPatternRepeatingFormat(Set<SchemaIssue> issues) {
        Set<String> formatFailed = new HashSet<>();
        issues.stream().filter(issue -> issue.keyword().equals("format")).forEach(issue -> formatFailed.add(issue.pointer()));
        return issues.stream()
                .filter(issue -> !(issue.keyword().equals("pattern") && formatFailed.contains(issue.pointer())))
                .toList();
    }

    /** Keeps, for each failed anyOf/oneOf whose first branch has errors, only that branch's errors. */
    private static List<Error> withoutSiblingBranches(List<Error> errors) {
        Set<Error> dropped = new HashSet<>();
        for (Error combinator : errors) {
            String keyword = keyword(combinator);
            if (dropped.contains(combinator) || !(keyword.equals("anyOf") || keyword.equals("oneOf"))) {
                continue;
            }
            String branches = combinator.getEvaluationPath() + "/";
            String first = branches + "0/";
            boolean firstBranchFailed = errors.stream()
                    .anyMatch(e -> e != combinator && (e.getEvaluationPath() + "/").startsWith(first));
            if (!firstBranchFailed) {
                continue; // e.g. oneOf matching two branches: the combinator's own message is the useful one
            }
            dropped.add(combinator);
            for (Error e : errors) {
                String path = e.getEvaluationPath() + "/";
                if (path.startsWith(branches) && !path.startsWith(first)) {
                    dropped.add(e);
                }
            }
        }
        List<Error> kept = new ArrayList<>(errors);
        kept.removeAll(dropped);
        return kept;
    }

    private List<SchemaIssue> issuesOf(Error error, JsonValue instance) {
        String keyword = keyword(error);
        String pointer = error.getInstanceLocation();
        Optional<JsonObject> schema = schemaAt(error.getSchemaLocation());
        switch (keyword) {
            case "required": {
                List<String> missing = missingProperties(schema, instance, pointer);
                if (missing.isEmpty()) {
                    break;
                }
                List<SchemaIssue> issues = new ArrayList<>();
                for (String name : missing) {
                    issues.add(new SchemaIssue(JsonPointers.child(pointer, name), keyword, "is required"));
                }
                return issues;
            }
            case "additionalProperties":
                return List.of(new SchemaIssue(pointer, keyword, "is not a property this schema allows"));
            case "false":
                return List.of(new SchemaIssue(pointer, keyword, "is not allowed here"));
            case "format": {
                String format = schema.map(s -> s.getString("format", "")).orElse("");
                return List.of(new SchemaIssue(pointer, keyword, "is not a valid " + format + ": " + error.getError()));
            }
            case "pattern":
                if (schema.isPresent() && "date-time".equals(schema.get().getString("format", null))) {
                    return List.of(new SchemaIssue(pointer, keyword, "must be a UTC date-time ending in Z, e.g."
                            + " 2026-11-23T07:41:51.792Z: the consumers refuse an offset such as +01:00"));
                }
                break;
            case "enum":
                if (schema.isPresent() && schema.get().containsKey("enum")) {
                    return List.of(new SchemaIssue(pointer, keyword,
                            "must be one of " + WireJson.write(schema.get().get("enum"))));
                }
                break;
            case "const":
                if (schema.isPresent() && schema.get().containsKey("const")) {
                    return List.of(new SchemaIssue(pointer, keyword,
                            "must be " + WireJson.write(schema.get().get("const"))));
                }
                break;
            default:
                break;
        }
        return List.of(new SchemaIssue(pointer, keyword, error.getError()));
    }

    private static List<String> missingProperties(Optional<JsonObject> schema, JsonValue instance, String pointer) {
        if (schema.isEmpty()) {
            return List.of();
        }
        Optional<JsonValue> target = JsonPointers.resolve(instance, pointer);
        if (target.isEmpty() || !(target.get() instanceof JsonObject object)) {
            return List.of();
        }
        List<String> missing = new ArrayList<>();
        for (String name : SchemaNodes.strings(schema.get().get("required"))) {
            if (!object.containsKey(name)) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The schema object an error came from; schema locations look like {@code urn:...:payload.X.v1#/properties/a}. */
    private Optional<JsonObject> schemaAt(String schemaLocation) {
        int hash = schemaLocation.indexOf('#');
        String id = hash < 0 ? schemaLocation : schemaLocation.substring(0, hash);
        String fragment = hash < 0 ? "" : schemaLocation.substring(hash + 1);
        JsonObject document = documentsById.get(id);
        if (document == null) {
            return Optional.empty();
        }
        return JsonPointers.resolve(document, fragment)
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast);
    }

    /**
     * harrel leaves the keyword empty when a {@code false} schema fails; the evaluation path still ends in the
     * keyword that held it ({@code .../additionalProperties}), unless the false schema sat under a property name.
     */
    private static String keyword(Error error) {
        if (error.getKeyword() != null) {
            return error.getKeyword();
        }
        String[] segments = error.getEvaluationPath().split("/");
        String last = segments.length > 0 ? segments[segments.length - 1] : "";
        String parent = segments.length > 1 ? segments[segments.length - 2] : "";
        boolean underName = NAMED_SUBSCHEMAS.contains(parent) || last.matches("[0-9]+") || last.isEmpty();
        return underName ? "false" : last;
    }
}
