package dev.herald.catalog;

import java.time.Instant;

/** What one seeding of the system catalog changed. A second start with the same schemas reports only unchanged rows. */
public record SeedReport(int inserted, int updated, int removed, int unchanged, Instant at) {

    public int total() {
        return inserted + updated + unchanged;
    }
}
