package dev.herald.catalog;

import dev.herald.kernel.Paging;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** A catalog listing as a tenant asks for it: optional category and text, a sort, and one page. */
public record CatalogQuery(String tenantId, String category, String text, String sort, boolean descending, int page,
                           int size) {

    public static final int MAX_PAGE_SIZE = 200;

    /** Sort keys a caller may name, and the field each sorts by; anything else is refused. */
    static final Map<String, Function<CatalogView, String>> SORTABLE = Map.of("eventType", CatalogView::eventType,
            "displayName", CatalogView::displayName, "category", CatalogView::category, "status", CatalogView::status);

    public CatalogQuery {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        sort = sort == null || sort.isBlank() ? "eventType" : sort;
        if (!SORTABLE.containsKey(sort)) {
            throw new IllegalArgumentException("sort must be one of " + SORTABLE.keySet().stream().sorted().toList());
        }
        Paging.firstResult(page, size, MAX_PAGE_SIZE);
        category = category == null || category.isBlank() ? null : category;
        text = text == null || text.isBlank() ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
