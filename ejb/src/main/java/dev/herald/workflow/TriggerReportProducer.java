package dev.herald.workflow;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** One {@link TriggerReport} over the deployed definitions, for the catalog and the simulator. */
@ApplicationScoped
public class TriggerReportProducer {

    @Produces
    @Singleton
    TriggerReport report(WorkflowDefinitions definitions) {
        return new TriggerReport(definitions);
    }
}
