package dev.herald.catalog;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/**
 * Reads the catalog as one tenant sees it: the system entries plus the tenant's own, a tenant entry shadowing a
 * system entry of the same type. Another tenant's entries never appear. The system entries come from the seeder's
 * snapshot; only the tenant's own entries are read per request.
 */
@Stateless
public class CatalogService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    CatalogSeeder seeder;

    public CatalogPage list(CatalogQuery query) {
        return listing(query.tenantId()).page(query);
    }

    /** Tenant first: the tenant's own entry for the type, else the system entry. */
    public Optional<CatalogView> get(String tenantId, String eventType) {
        return listing(tenantId).entry(eventType);
    }

    public List<CategoryCount> categories(String tenantId) {
        return listing(tenantId).categories();
    }

    private CatalogListing listing(String tenantId) {
        List<CatalogView> own = em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :tenant AND e.removed = false",
                CatalogEntry.class).setParameter("tenant", tenantId).getResultStream().map(CatalogView::of).toList();
        return new CatalogListing(seeder.systemEntries(), own);
    }
}
