package dev.herald.reference.changes;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    record Owned(String id, String tenantId) {
    }

    private static final String MINE = "5f0c9a1e-0000-4000-8000-000000000001";
    private static final Owned OURS = new Owned("a", MINE);
    private static final Owned THEIRS = new Owned("b", "5f0c9a1e-0000-4000-8000-000000000002");

    /** An entity manager that finds only the two rows above. */
    private static final EntityManager EM = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                if (method.getName().equals("find") && args.length == 2) {
                    return Map.of("a", OURS, "b", THEIRS).get((String) args[1]);
                }
                throw new UnsupportedOperationException(method.getName());
            });

    @Test
    void theTenantsOwnEntityIsFound() {
        assertSame(OURS, References.inTenant(EM, Owned.class, Owned::tenantId, "a", MINE, "workItemId"));
    }

    @Test
    void anotherTenantsUnknownOrMissingIdIsRefusedNamingTheField() {
        for (String id : new String[] {"b", "unknown", null}) {
            RefusedChangeException refused = assertThrows(RefusedChangeException.class,
                    () -> References.inTenant(EM, Owned.class, Owned::tenantId, id, MINE, "workItemId"));
            assertTrue(refused.getMessage().startsWith("workItemId "), refused.getMessage());
        }
    }
}
