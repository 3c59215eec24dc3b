package dev.herald.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link RetentionSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class RetentionSettingsProducer {

    @Produces
    @Singleton
    RetentionSettings settings(Config config) {
        return RetentionSettings.from(config);
    }
}
