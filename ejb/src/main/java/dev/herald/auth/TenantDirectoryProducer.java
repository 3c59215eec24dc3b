package dev.herald.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one directory of the application, from {@code herald.tenants}; a malformed entry fails the deployment. */
@ApplicationScoped
public class TenantDirectoryProducer {

    @Inject
    @ConfigProperty(name = "herald.tenants", defaultValue = " ")
    String configured;

    @Produces
    @Singleton
    TenantDirectory directory() {
        return TenantDirectory.of(configured);
    }
}
