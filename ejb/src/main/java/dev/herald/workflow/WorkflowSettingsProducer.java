package dev.herald.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * The application's {@link WorkflowSettings}, read once from MicroProfile Config. {@code @Singleton}, not
 * {@code @ApplicationScoped}: a record is final, so it cannot have a client proxy.
 */
@ApplicationScoped
public class WorkflowSettingsProducer {

    @Produces
    @Singleton
    WorkflowSettings settings(Config config) {
        return WorkflowSettings.from(config);
    }
}
