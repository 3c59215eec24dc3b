package dev.herald.web;

import dev.herald.auth.Groups;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * Herald's HTTP API, under {@code /api}, for callers with a MicroProfile JWT. The OpenAPI document is served at
 * {@code /openapi}.
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles({Groups.READER, Groups.SIMULATOR, Groups.ADMIN, Groups.OPERATOR})
@OpenAPIDefinition(info = @Info(title = "Herald", version = "0.1.0",
        description = "Domain-event platform: publish, catalog and relay typed, versioned domain events."))
public class HeraldApi extends Application {
}
