package dev.herald.relay;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The application's {@link RelaySettings}, read once from MicroProfile Config ({@code @Singleton}: a record is final). */
@ApplicationScoped
public class RelaySettingsProducer {

    @Produces
    @Singleton
    RelaySettings settings(Config config) {
        return RelaySettings.from(config);
    }
}
