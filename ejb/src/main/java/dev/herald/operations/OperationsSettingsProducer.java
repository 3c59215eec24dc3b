package dev.herald.operations;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/** The application's {@link OperationsSettings}, read once from MicroProfile Config (a record cannot be proxied). */
@ApplicationScoped
public class OperationsSettingsProducer {

    @Produces
    @Singleton
    OperationsSettings settings(Config config) {
        return OperationsSettings.from(config);
    }
}
