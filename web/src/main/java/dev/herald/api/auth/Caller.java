package dev.herald.api.auth;

import dev.herald.auth.Groups;
import dev.herald.auth.TenantDirectory;
import dev.herald.auth.TenantIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the verified MicroProfile JWT of the request. Its {@code tenant} claim is the request's tenant,
 * here and nowhere else; no query parameter, header or body field can name another.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    @Inject
    TenantDirectory tenants;

    /**
     * The caller's tenant id, a UUID: the claim itself, or the id the {@link TenantDirectory} gives its slug.
     *
     * @throws NotAuthorizedException (401) without a token, ForbiddenException (403) for a token without a valid tenant
     */
    public String tenant() {
        if (token == null || token.getRawToken() == null) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer realm=\"herald\"");
        }
        return TenantIds.fromClaim(token.getClaim(Groups.TENANT_CLAIM)).map(tenants::idOf).orElseThrow(() -> new ForbiddenException(
                "the token names no valid tenant (claim '" + Groups.TENANT_CLAIM + "': letters, digits and . _ : - only)"));
    }

    /** The user the token was issued to: the actor of what the caller does. */
    public String user() {
        return token == null ? null : token.getName();
    }

    /**
     * @param named a tenant a body names, by id or slug, or null
     * @return the caller's tenant id
     * @throws ForbiddenException (403) when a body names a tenant other than the caller's
     */
    public String ownTenant(String named) {
        String tenant = tenant();
        if (named != null && !tenants.idOf(named).equals(tenant)) {
            throw new ForbiddenException("tenantId " + named + " is not the caller's tenant");
        }
        return tenant;
    }
}
