package dev.herald.catalog;

import java.util.List;

/** One page of a catalog listing, with the total number of matching entries. */
public record CatalogPage(List<CatalogView> items, long total, int page, int size) {
}
