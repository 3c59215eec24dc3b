package dev.herald.catalog;

/** What the catalog says about one event type, as the schemas module ships it or a tenant defines it. */
public record CatalogDefinition(String eventType, String displayName, String category, String description,
                                String payloadSchemaRef, String status, boolean emittedByHerald) {
}
