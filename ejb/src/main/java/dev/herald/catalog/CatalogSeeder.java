package dev.herald.catalog;

import dev.herald.kernel.StartupRetry;
import dev.herald.schema.SchemaRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * Seeds the system catalog at start-up from the schemas module, idempotently. Loading the schema registry here
 * means a broken schema stops the application from starting.
 */
@Startup
@DependsOn("SchemaMigrator") // the tables exist and are current before this bean touches them
@Singleton
public class CatalogSeeder {

    private static final Logger LOG = Logger.getLogger(CatalogSeeder.class.getName());
    private static final int ATTEMPTS = 5;
    private static final Duration RETRY_AFTER = Duration.ofMillis(500);

    @Inject
    CatalogSeeding seeding;

    @Inject
    SchemaRegistry registry;

    private SeedReport lastReport;
    private volatile List<CatalogView> systemEntries = List.of();

    /**
     * Two servers starting together on an empty database both insert the catalog; the second to commit fails on the
     * first's rows, and its next attempt finds them and inserts nothing (the scale-out stage starts two at once).
     */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void seed() {
        List<CatalogDefinition> shipped = SystemCatalogData.load();
        for (CatalogDefinition definition : shipped) {
            if (registry.schema(definition.payloadSchemaRef()).isEmpty()) {
                throw new IllegalStateException(definition.eventType() + " names an unknown schema " + definition.payloadSchemaRef());
            }
        }
        try {
            new StartupRetry("catalog seeding", ATTEMPTS, RETRY_AFTER).run(() -> {
                CatalogSeeding.Seeded seeded = seeding.seed(shipped);
                lastReport = seeded.report();
                // Only seeding changes system entries (one deployment's catalog), so each server keeps them in memory.
                systemEntries = seeded.systemEntries();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("catalog seeding interrupted", e);
        }
        LOG.info("System catalog seeded: " + lastReport + "; " + systemEntries.size() + " entries visible");
    }

    /** The visible system entries as this server seeded them. */
    @Lock(LockType.READ)
    public List<CatalogView> systemEntries() {
        return systemEntries;
    }

    @Lock(LockType.READ)
    public SeedReport lastReport() {
        return lastReport;
    }
}
