package dev.herald.api.web;

import dev.herald.auth.Groups;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Herald's HTTP API, under {@code /api}, for callers with a MicroProfile JWT. The OpenAPI document is served at
 * {@code /openapi}.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles({Groups.READER, Groups.SIMULATOR, Groups.ADMIN, Groups.OPERATOR})
@OpenAPIDefinition(info = @Info(title = "Herald", version = "0.1.0",
        description = "Domain-event platform: publish, catalog and relay typed, versioned domain events. Every call"
                + " carries a MicroProfile JWT whose 'tenant' claim is the request's tenant; every error is an"
                + " application/problem+json body (RFC 9457)."),
        security = @SecurityRequirement(name = HeraldApi.BEARER))
@SecurityScheme(securitySchemeName = HeraldApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A MicroProfile JWT (RS256): 'tenant' claim = the tenant, 'groups' = reader, simulator, admin, operator")
public class HeraldApi extends Application {

    /** The name of the bearer JWT security scheme in the OpenAPI document. */
    public static final String BEARER = "bearerJwt";
}
