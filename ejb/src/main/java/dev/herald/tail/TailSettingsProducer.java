package dev.herald.tail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link TailSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class TailSettingsProducer {

    @Produces
    @Singleton
    TailSettings settings(Config config) {
        return TailSettings.from(config);
    }
}
