package dev.herald.auth;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a Herald access token says: whose tenant, which user, which groups (reader, simulator, admin), and for how
 * long. The tenant claim is the only source of a request's tenant.
 */
public record TokenRequest(String tenant, String user, List<String> groups, Duration lifetime) {

    public static final List<String> ALL_GROUPS = List.of(Groups.READER, Groups.SIMULATOR, Groups.ADMIN);

    public TokenRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
        groups = List.copyOf(groups);
        Objects.requireNonNull(lifetime, "lifetime");
    }
}
