package dev.herald.catalog;

/** A catalog entry as a tenant sees it: {@code scope} is {@code system} or {@code tenant}. */
public record CatalogView(String eventType, String displayName, String category, String description,
                          String payloadSchemaRef, String status, boolean emittedByHerald, String scope) {

    static CatalogView of(CatalogEntry entry) {
        CatalogDefinition d = entry.definition();
        return new CatalogView(d.eventType(), d.displayName(), d.category(), d.description(), d.payloadSchemaRef(),
                d.status(), d.emittedByHerald(), entry.isSystem() ? "system" : "tenant");
    }
}
