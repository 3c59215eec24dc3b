package dev.herald.catalog;

import dev.herald.schema.SchemaRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
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

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SchemaRegistry registry;

    private SeedReport lastReport;
    private volatile List<CatalogView> systemEntries = List.of();

    @PostConstruct
    void seed() {
        List<CatalogDefinition> shipped = SystemCatalogData.load();
        for (CatalogDefinition definition : shipped) {
            if (registry.schema(definition.payloadSchemaRef()).isEmpty()) {
                throw new IllegalStateException(definition.eventType() + " names an unknown schema " + definition.payloadSchemaRef());
            }
        }
        List<CatalogEntry> system = em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :system", CatalogEntry.class)
                .setParameter("system", CatalogEntry.SYSTEM).getResultList();
        lastReport = CatalogSync.apply(shipped, system, clock.instant(), em::persist);
        // Only seeding changes system entries (one deployment's catalog), so each server keeps the result in memory.
        systemEntries = em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :system AND e.removed = false",
                CatalogEntry.class).setParameter("system", CatalogEntry.SYSTEM).getResultStream().map(CatalogView::of).toList();
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
