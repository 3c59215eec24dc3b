package dev.herald.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the system entries in line with the shipped catalog data: inserts new types, updates changed ones, marks
 * vanished ones removed. Plain logic over entities; the caller persists what {@code insert} receives.
 */
public final class CatalogSync {

    private CatalogSync() {
    }

    public static SeedReport apply(List<CatalogDefinition> shipped, Collection<CatalogEntry> systemEntries, Instant now,
                                   Consumer<CatalogEntry> insert) {
        Map<String, CatalogEntry> existing = systemEntries.stream()
                .collect(Collectors.toMap(CatalogEntry::getEventType, Function.identity()));
        Set<String> shippedTypes = new HashSet<>();
        int inserted = 0;
        int updated = 0;
        int unchanged = 0;
        for (CatalogDefinition definition : shipped) {
            shippedTypes.add(definition.eventType());
            CatalogEntry entry = existing.get(definition.eventType());
            if (entry == null) {
                insert.accept(CatalogEntry.system(definition, now));
                inserted++;
            } else if (entry.updateFrom(definition, null, now)) {
                updated++;
            } else {
                unchanged++;
            }
        }
        int removed = 0;
        for (CatalogEntry entry : existing.values()) {
            if (!shippedTypes.contains(entry.getEventType()) && entry.markRemoved(now)) {
                removed++;
            }
        }
        return new SeedReport(inserted, updated, removed, unchanged, now);
    }
}
