package dev.herald.asyncapi;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One event type of a tenant's catalog as the AsyncAPI document describes it: a system type (its payload schema is
 * the registry's {@code payloadSchemaRef}), or one of the tenant's custom types, whose schema is either its own
 * ({@code customSchema}) or a registry schema it references.
 */
public record AsyncApiType(String eventType, String displayName, String category, String description,
                           String payloadSchemaRef, JsonObject customSchema, boolean custom, List<Integer> laterVersions) {

    public AsyncApiType {
        laterVersions = laterVersions == null ? List.of() : List.copyOf(laterVersions);
    }

    public static AsyncApiType system(String eventType, String displayName, String category, String description,
                                      String payloadSchemaRef) {
        return system(eventType, displayName, category, description, payloadSchemaRef, List.of());
    }

    /** @param laterVersions the versions above 1 that herald.wire.versions puts on the wire (their own :v{N} keys) */
    public static AsyncApiType system(String eventType, String displayName, String category, String description,
                                      String payloadSchemaRef, List<Integer> laterVersions) {
        return new AsyncApiType(eventType, displayName, category, description, payloadSchemaRef, null, false, laterVersions);
    }

    public static AsyncApiType custom(String eventType, String displayName, String category, String description,
                                      String payloadSchemaRef, JsonObject customSchema) {
        return new AsyncApiType(eventType, displayName, category, description, payloadSchemaRef, customSchema, true, List.of());
    }
}
