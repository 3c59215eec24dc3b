package dev.herald.api.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link ApiSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class ApiSettingsProducer {

    @Produces
    @Singleton
    ApiSettings settings(Config config) {
        return ApiSettings.from(config);
    }
}
