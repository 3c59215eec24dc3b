package dev.herald.probes.web;

import dev.herald.auth.Groups;
import dev.herald.auth.TenantDirectory;
import dev.herald.auth.TenantIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's tenant, from its verified token, as the API's {@code Caller} reads it (that class lives in the
 * production WAR, which another WAR cannot see).
 */
@RequestScoped
public class ProbeCaller {

    @Inject
    JsonWebToken token;

    @Inject
    TenantDirectory tenants;

    public String tenant() {
        if (token == null || token.getRawToken() == null) {
            throw new NotAuthorizedException("a bearer token is required", "Bearer realm=\"herald\"");
        }
        return TenantIds.fromClaim(token.getClaim(Groups.TENANT_CLAIM)).map(tenants::idOf)
                .orElseThrow(() -> new ForbiddenException("the token names no valid tenant"));
    }

    public String user() {
        return token == null ? null : token.getName();
    }

    /** @throws ForbiddenException when a body names a tenant other than the caller's */
    public String ownTenant(String named) {
        String tenant = tenant();
        if (named != null && !tenants.idOf(named).equals(tenant)) {
            throw new ForbiddenException("tenantId " + named + " is not the caller's tenant");
        }
        return tenant;
    }
}
