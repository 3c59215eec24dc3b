package dev.herald.catalog;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;

/**
 * Reads the catalog as one tenant sees it: the system entries plus the tenant's own, a tenant entry shadowing a
 * system entry of the same type. Another tenant's entries never appear.
 */
@Stateless
public class CatalogService {

    /* Visible to :tenant = its own entries, and system entries it has not shadowed; removed entries are hidden. */
    private static final String VISIBLE = " e.removed = false AND (e.tenantId = :tenant OR (e.tenantId = '" + CatalogEntry.SYSTEM
            + "' AND NOT EXISTS (SELECT t FROM CatalogEntry t WHERE t.tenantId = :tenant AND t.eventType = e.eventType"
            + " AND t.removed = false)))";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public CatalogPage list(CatalogQuery query) {
        String where = " WHERE" + VISIBLE
                + (query.category() != null ? " AND e.category = :category" : "")
                + (query.text() != null ? " AND (LOWER(e.eventType) LIKE :text ESCAPE '\\' OR LOWER(e.displayName) LIKE :text"
                        + " ESCAPE '\\' OR LOWER(e.description) LIKE :text ESCAPE '\\')" : "");
        TypedQuery<CatalogEntry> rows = bind(em.createQuery("SELECT e FROM CatalogEntry e" + where + " ORDER BY "
                + query.orderBy(), CatalogEntry.class), query);
        TypedQuery<Long> count = bind(em.createQuery("SELECT COUNT(e) FROM CatalogEntry e" + where, Long.class), query);
        List<CatalogView> items = rows.setFirstResult(query.page() * query.size()).setMaxResults(query.size())
                .getResultList().stream().map(CatalogView::of).toList();
        return new CatalogPage(items, count.getSingleResult(), query.page(), query.size());
    }

    /** Tenant first: the tenant's own entry for the type, else the system entry. */
    public Optional<CatalogView> get(String tenantId, String eventType) {
        return entry(tenantId, eventType).map(CatalogView::of);
    }

    Optional<CatalogEntry> entry(String tenantId, String eventType) {
        return em.createQuery("SELECT e FROM CatalogEntry e WHERE" + VISIBLE + " AND e.eventType = :type", CatalogEntry.class)
                .setParameter("tenant", tenantId).setParameter("type", eventType).getResultStream().findFirst();
    }

    public List<CategoryCount> categories(String tenantId) {
        return em.createQuery("SELECT NEW dev.herald.catalog.CategoryCount(e.category, COUNT(e)) FROM CatalogEntry e WHERE"
                        + VISIBLE + " GROUP BY e.category ORDER BY e.category", CategoryCount.class)
                .setParameter("tenant", tenantId).getResultList();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, CatalogQuery q) {
        query.setParameter("tenant", q.tenantId());
        if (q.category() != null) {
            query.setParameter("category", q.category());
        }
        if (q.text() != null) {
            query.setParameter("text", "%" + escapeLike(q.text()) + "%");
        }
        return query;
    }

    /* Text search is literal: a caller's % or _ must not act as a wildcard. */
    static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
