package dev.herald.catalog;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;

/** One seeding of the system catalog, in a transaction of its own, so that a collision can be tried again. */
@Stateless
public class CatalogSeeding {

    /** What one seeding did, and the visible system entries after it. */
    public record Seeded(SeedReport report, List<CatalogView> systemEntries) {
    }

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Seeded seed(List<CatalogDefinition> shipped) {
        List<CatalogEntry> system = em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :system", CatalogEntry.class)
                .setParameter("system", CatalogEntry.SYSTEM).getResultList();
        SeedReport report = CatalogSync.apply(shipped, system, clock.instant(), em::persist);
        // The commit comes after this method: flushed here, a collision with another server fails this attempt.
        em.flush();
        List<CatalogView> visible = em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :system AND e.removed = false",
                CatalogEntry.class).setParameter("system", CatalogEntry.SYSTEM).getResultStream().map(CatalogView::of).toList();
        return new Seeded(report, visible);
    }
}
