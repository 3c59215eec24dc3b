package dev.herald.publish;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link PublishSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class PublishSettingsProducer {

    @Produces
    @Singleton
    PublishSettings settings(Config config) {
        return PublishSettings.from(config);
    }
}
