package dev.herald.probes.web;

import dev.herald.auth.Groups;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The test probes' HTTP API, at context root {@code /probes} of the probes WAR (never in the production EAR: the
 * integration tests add it to the built EAR, the {@code probes} profile of the ear module to the run server's). It
 * is secured as Herald's API is: a MicroProfile JWT on every call (mpJwt guards the applications that ask for it)
 * and a role on every resource.
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles({Groups.READER, Groups.SIMULATOR, Groups.ADMIN, Groups.OPERATOR})
public class ProbesApi extends Application {
}
