package dev.herald.sample.notes.web;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** The sample's HTTP API: the same bearer tokens as Herald's own API (MicroProfile JWT, role {@code reader}). */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "herald")
@DeclareRoles("reader")
public class NotesApi extends Application {
}
