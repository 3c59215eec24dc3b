package dev.herald.catalog;

/** A catalog category and how many entries the tenant sees in it. */
public record CategoryCount(String category, long count) {
}
