package dev.herald.catalog;

import jakarta.json.JsonObject;

/** A tenant's own event type: either a registry schema ref or a JSON Schema of its own. */
public record CustomEvent(String eventType, String displayName, String category, String description,
                          String payloadSchemaRef, JsonObject schema) {
}
