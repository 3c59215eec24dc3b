package dev.herald.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The catalog as one tenant sees it, computed in memory: the system entries (the same for every tenant, held once
 * per server) plus the tenant's own, a tenant entry shadowing the system entry of its type. Reading the system
 * entries from the database on every request made a listing two correlated queries; this keeps it to one small one
 * (the tenant's own entries).
 */
final class CatalogListing {

    private final List<CatalogView> visible;

    CatalogListing(List<CatalogView> system, List<CatalogView> own) {
        Map<String, CatalogView> byType = new LinkedHashMap<>();
        system.forEach(entry -> byType.put(entry.eventType(), entry));
        own.forEach(entry -> byType.put(entry.eventType(), entry));
        this.visible = List.copyOf(byType.values());
    }

    CatalogPage page(CatalogQuery query) {
        Function<CatalogView, String> key = CatalogQuery.SORTABLE.get(query.sort());
        Comparator<CatalogView> order = Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
        order = (query.descending() ? order.reversed() : order).thenComparing(CatalogView::eventType);
        List<CatalogView> matching = matching(query).sorted(order).toList();
        long from = Math.min((long) query.page() * query.size(), matching.size());
        long to = Math.min(from + query.size(), matching.size());
        return new CatalogPage(matching.subList((int) from, (int) to), matching.size(), query.page(), query.size());
    }

    Optional<CatalogView> entry(String eventType) {
        return visible.stream().filter(entry -> entry.eventType().equals(eventType)).findFirst();
    }

    List<CategoryCount> categories() {
        return visible.stream().collect(Collectors.groupingBy(CatalogView::category, TreeMap::new, Collectors.counting()))
                .entrySet().stream().map(e -> new CategoryCount(e.getKey(), e.getValue())).toList();
    }

    private Stream<CatalogView> matching(CatalogQuery query) {
        return visible.stream()
                .filter(entry -> query.category() == null || query.category().equals(entry.category()))
                .filter(entry -> query.text() == null || contains(entry.eventType(), query.text())
                        || contains(entry.displayName(), query.text()) || contains(entry.description(), query.text()));
    }

    /* Literal, case-insensitive: a caller's % or _ is text, never a wildcard. */
    private static boolean contains(String field, String lowerCaseText) {
        return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
