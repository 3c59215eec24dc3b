package dev.herald.simulate;

/** A tenant's request for its latest simulations: at most {@code limit}, newest first. */
public record RecentSimulations(String tenantId, int limit) {

    public static final int MAX_LIMIT = 200;

    public RecentSimulations {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
