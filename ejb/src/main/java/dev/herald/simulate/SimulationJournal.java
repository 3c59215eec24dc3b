package dev.herald.simulate;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/** The simulations table: records in the caller's transaction or in one of their own, and the tenant's latest. */
@Stateless
public class SimulationJournal {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public void record(Simulation simulation) {
        em.persist(simulation);
    }

    /** Its own transaction, so a refused simulation stays recorded even if the caller's transaction rolls back. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(Simulation simulation) {
        em.persist(simulation);
    }

    public List<SimulationView> recent(RecentSimulations query) {
        return em.createQuery("SELECT s FROM Simulation s WHERE s.tenantId = :tenant ORDER BY s.at DESC, s.id DESC",
                        Simulation.class)
                .setParameter("tenant", query.tenantId()).setMaxResults(query.limit())
                .getResultStream().map(Simulation::view).toList();
    }
}
