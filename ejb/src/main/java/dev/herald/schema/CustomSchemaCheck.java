package dev.herald.schema;

import dev.harrel.jsonschema.Validator;
import dev.herald.events.EventIssue;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a schema a tenant writes for its own custom event before it is stored: it must compile with the same
 * validator and keywords as the shipped schemas and describe an object payload.
 */
public final class CustomSchemaCheck {

    private static final String CHECKED_ID = "urn:herald:tenant-schema:check";

    private CustomSchemaCheck() {
    }

    /** Every issue of a payload against a tenant's own schema, which {@link #problems} found usable when it was stored. */
    public static List<EventIssue> issues(JsonObject schema, JsonValue payload) {
        URI id = URI.create(CHECKED_ID);
        Validator validator = SchemaRegistry.newValidator();
        validator.registerSchema(id, schema);
        Validator.Result result = validator.validate(id, payload);
        return result.isValid() ? List.of() : new IssueTranslator(Map.of(CHECKED_ID, schema))
                .translate(result.getErrors(), payload).stream().map(SchemaIssue::toEventIssue).toList();
    }

    public static List<String> problems(JsonObject schema) {
        List<String> problems = new ArrayList<>();
        if (!"object".equals(schema.getString("type", ""))) {
            problems.add("a payload schema must have \"type\": \"object\"");
        }
        try {
            // A fresh validator: the registry's own never registers anything after start-up (see SchemaRegistry).
            Validator validator = SchemaRegistry.newValidator();
            validator.registerSchema(URI.create(CHECKED_ID), schema);
        } catch (RuntimeException e) {
            problems.add("not a usable JSON Schema: " + e.getMessage());
        }
        return problems;
    }
}
