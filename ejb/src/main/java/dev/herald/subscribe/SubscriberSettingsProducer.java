package dev.herald.subscribe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link SubscriberSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class SubscriberSettingsProducer {

    @Produces
    @Singleton
    SubscriberSettings settings(Config config) {
        return SubscriberSettings.from(config);
    }
}
