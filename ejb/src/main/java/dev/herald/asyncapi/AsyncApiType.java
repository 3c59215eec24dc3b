package dev.herald.asyncapi;

import jakarta.json.JsonObject;

/**
 * One event type of a tenant's catalog as the AsyncAPI document describes it: a system type (its payload schema is
 * the registry's {@code payloadSchemaRef}), or one of the tenant's custom types, whose schema is either its own
 * ({@code customSchema}) or a registry schema it references.
 */
public record AsyncApiType(String eventType, String displayName, String category, String description,
                           String payloadSchemaRef, JsonObject customSchema, boolean custom) {

    public static AsyncApiType system(String eventType, String displayName, String category, String description,
                                      String payloadSchemaRef) {
        return new AsyncApiType(eventType, displayName, category, description, payloadSchemaRef, null, false);
    }

    public static AsyncApiType custom(String eventType, String displayName, String category, String description,
                                      String payloadSchemaRef, JsonObject customSchema) {
        return new AsyncApiType(eventType, displayName, category, description, payloadSchemaRef, customSchema, true);
    }
}
