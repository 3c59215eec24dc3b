package dev.herald.asyncapi;

import dev.herald.versions.WireVersions;
import dev.herald.catalog.CatalogDefinition;
import dev.herald.catalog.CatalogEntry;
import dev.herald.catalog.CatalogSeeder;
import dev.herald.kernel.WireJson;
import dev.herald.redis.RedisKeys;
import dev.herald.schema.PayloadSchema;
import dev.herald.schema.SchemaRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The AsyncAPI document of a tenant's catalog: the system entries this server seeded, the tenant's own custom
 * types, the registry's schemas and the configured Redis key names, handed to {@link AsyncApiDocument}.
 */
@Stateless
public class AsyncApiService {

    static final String TITLE = "Herald domain events";
    static final String VERSION = "0.1.0";

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    CatalogSeeder seeder;

    @Inject
    SchemaRegistry registry;

    @Inject
    RedisKeys redisKeys;

    @Inject
    WireVersions wireVersions;

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public JsonObject document(String tenantId) {
        List<AsyncApiType> types = new ArrayList<>();
        seeder.systemEntries().forEach(view -> types.add(AsyncApiType.system(view.eventType(), view.displayName(),
                view.category(), view.description(), view.payloadSchemaRef(),
                wireVersions.of(view.eventType()).stream().filter(version -> version > 1).toList())));
        em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :tenant AND e.removed = false ORDER BY e.eventType",
                        CatalogEntry.class).setParameter("tenant", tenantId).getResultStream()
                .forEach(entry -> {
                    CatalogDefinition d = entry.definition();
                    types.add(AsyncApiType.custom(d.eventType(), d.displayName(), d.category(), d.description(),
                            d.payloadSchemaRef(), entry.getCustomSchema() == null ? null : WireJson.parseObject(entry.getCustomSchema())));
                });
        return new AsyncApiDocument(TITLE, VERSION, redisKeys, registry.envelopeSchema(),
                ref -> registry.schema(ref).map(PayloadSchema::document).orElse(null)).build(tenantId, types);
    }
}
