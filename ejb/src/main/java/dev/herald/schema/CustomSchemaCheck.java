package dev.herald.schema;

import dev.harrel.jsonschema.Validator;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a schema a tenant writes for its own custom event before it is stored: it must compile with the same
 * validator and keywords as the shipped schemas and describe an object payload.
 */
public final class CustomSchemaCheck {

    private CustomSchemaCheck() {
    }

    public static List<String> problems(JsonObject schema) {
        List<String> problems = new ArrayList<>();
        if (!"object".equals(schema.getString("type", ""))) {
            problems.add("a payload schema must have \"type\": \"object\"");
        }
        try {
            // A fresh validator: the registry's own never registers anything after start-up (see SchemaRegistry).
            Validator validator = SchemaRegistry.newValidator();
            validator.registerSchema(URI.create("urn:herald:tenant-schema:check"), schema);
        } catch (RuntimeException e) {
            problems.add("not a usable JSON Schema: " + e.getMessage());
        }
        return problems;
    }
}
