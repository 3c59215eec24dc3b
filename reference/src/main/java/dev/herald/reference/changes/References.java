package dev.herald.reference.changes;

import jakarta.persistence.EntityManager;
import java.util.function.Function;

/**
 * An entity a request names in its body, looked up in the caller's tenant: another tenant's is as unknown as a
 * missing one, and either refuses the request (a 400 naming the field) before anything is written or published.
 */
public final class References {

    private References() {
    }

    public static <T> T inTenant(EntityManager em, Class<T> type, Function<T, String> tenantOf, String id, String tenantId,
                                 String field) {
        T found = id == null ? null : em.find(type, id);
        if (found == null || !tenantId.equals(tenantOf.apply(found))) {
            throw new RefusedChangeException(field + " " + id + " is no " + type.getSimpleName() + " of tenant " + tenantId);
        }
        return found;
    }
}
