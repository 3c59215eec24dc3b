package dev.herald.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Loads the shipped workflow definitions once and makes them injectable. */
@ApplicationScoped
public class WorkflowDefinitionsProducer {

    private final WorkflowDefinitions definitions = WorkflowDefinitions.loadFromClasspath();

    @Produces
    @Singleton
    WorkflowDefinitions definitions() {
        return definitions;
    }
}
