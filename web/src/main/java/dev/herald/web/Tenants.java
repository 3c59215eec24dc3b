package dev.herald.web;

/**
 * The tenant of a request. Until authentication exists it is the {@code tenantId} query parameter; then it will be
 * the caller's token, here and nowhere else.
 */
public final class Tenants {

    private Tenants() {
    }

    /** @throws IllegalArgumentException (a 400) when the request names no tenant */
    public static String required(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("tenantId is required");
        }
        return tenantId;
    }
}
