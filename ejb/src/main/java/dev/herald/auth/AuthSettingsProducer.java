package dev.herald.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link AuthSettings}, read once from MicroProfile Config, and its one {@link TenantDirectory}
 * (from {@code herald.tenants}; a malformed entry fails the deployment). {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record (and the final directory) cannot have a client proxy.
 */
@ApplicationScoped
public class AuthSettingsProducer {

    @Produces
    @Singleton
    AuthSettings settings(Config config) {
        return AuthSettings.from(config);
    }

    @Produces
    @Singleton
    TenantDirectory directory(AuthSettings settings) {
        return settings.tenantDirectory();
    }
}
