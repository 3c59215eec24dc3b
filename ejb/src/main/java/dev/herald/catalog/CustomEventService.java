package dev.herald.catalog;

import dev.herald.publish.DomainEvent;
import dev.herald.kernel.WireJson;
import dev.herald.schema.CustomSchemaCheck;
import dev.herald.schema.SchemaIssue;
import dev.herald.schema.SchemaRegistry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import dev.herald.jpa.StoreFailures;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Tenants' custom event types: validated before they are stored, visible only to their tenant. */
@Stateless
public class CustomEventService {

    private static final Pattern EVENT_TYPE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    SchemaRegistry registry;

    public CatalogView define(String tenantId, CustomEvent event) {
        requireValid(event);
        if (ownEntry(tenantId, event.eventType()) != null) {
            throw new CatalogConflictException("tenant " + tenantId + " already defines " + event.eventType());
        }
        CatalogEntry entry = CatalogEntry.custom(tenantId, definitionOf(event), schemaOf(event), clock.instant());
        em.persist(entry);
        return CatalogView.of(entry);
    }

    /** Replaces the tenant's definition of the event type; empty when the tenant defines no such type. */
    public Optional<CatalogView> update(String tenantId, String eventType, CustomEvent event) {
        if (event.eventType() != null && !event.eventType().equals(eventType)) {
            throw new InvalidCustomEventException("eventType " + event.eventType() + " differs from the path's " + eventType);
        }
        CustomEvent named = new CustomEvent(eventType, event.displayName(), event.category(), event.description(),
                event.payloadSchemaRef(), event.schema());
        requireValid(named);
        CatalogEntry entry = ownEntry(tenantId, eventType);
        if (entry == null) {
            return Optional.empty();
        }
        entry.updateFrom(definitionOf(named), schemaOf(named), clock.instant());
        // Written now rather than at commit, so that losing to a concurrent update (the entry's version) is a conflict
        // this method reports, not a failed commit.
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (StoreFailures.isConcurrentChange(e)) {
                throw new CatalogConflictException("the definition of " + eventType + " was changed by another request at the same time", e);
            }
            throw e;
        }
        return Optional.of(CatalogView.of(entry));
    }

    private void requireValid(CustomEvent event) {
        List<String> problems = problems(event);
        if (!problems.isEmpty()) {
            throw new InvalidCustomEventException(String.join("; ", problems));
        }
    }

    private static CatalogDefinition definitionOf(CustomEvent event) {
        return new CatalogDefinition(event.eventType(), event.displayName(), event.category(),
                event.description(), event.payloadSchemaRef(), CatalogEntry.CUSTOM_STATUS, false);
    }

    private static String schemaOf(CustomEvent event) {
        return event.schema() == null ? null : WireJson.write(event.schema());
    }

    /**
     * The events as they are published: unchanged for a system type (or a type nobody defines, which the publisher
     * refuses as unknown; a null stays null, for the publisher to name), and for one of the tenant's custom types
     * checked against its schema and carried as {@code CUSTOM_EVENT} ({@link CustomEventWire}). One call per request,
     * joining the caller's transaction if any rather than starting one: it only reads, and for a system type not
     * even the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<DomainEvent> toPublishable(String tenantId, List<DomainEvent> events) {
        List<DomainEvent> publishable = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            publishable.add(event == null ? null : toPublishable(tenantId, event));
        }
        return publishable;
    }

    private DomainEvent toPublishable(String tenantId, DomainEvent event) {
        if (registry.refForEventType(event.eventType()).isPresent()) {
            return event;
        }
        CatalogEntry entry = ownEntry(tenantId, event.eventType());
        if (entry == null || entry.isRemoved()) {
            return event;
        }
        return CustomEventWire.asCustomEvent(event, payload -> entry.getCustomSchema() != null
                ? CustomSchemaCheck.issues(WireJson.parseObject(entry.getCustomSchema()), payload)
                : registry.validate(entry.getPayloadSchemaRef(), payload).stream().map(SchemaIssue::toEventIssue).toList());
    }

    /** @return whether the tenant had such an entry */
    public boolean delete(String tenantId, String eventType) {
        CatalogEntry entry = ownEntry(tenantId, eventType);
        if (entry == null) {
            return false;
        }
        em.remove(entry);
        return true;
    }

    private CatalogEntry ownEntry(String tenantId, String eventType) {
        return em.createQuery("SELECT e FROM CatalogEntry e WHERE e.tenantId = :tenant AND e.eventType = :type", CatalogEntry.class)
                .setParameter("tenant", tenantId).setParameter("type", eventType).getResultStream().findFirst().orElse(null);
    }

    List<String> problems(CustomEvent event) {
        List<String> problems = new ArrayList<>();
        if (event.eventType() == null || !EVENT_TYPE.matcher(event.eventType()).matches()) {
            problems.add("eventType must be SCREAMING_SNAKE_CASE");
        }
        if (isBlank(event.displayName())) {
            problems.add("displayName is required");
        }
        if (isBlank(event.category())) {
            problems.add("category is required");
        }
        boolean hasRef = !isBlank(event.payloadSchemaRef());
        if (hasRef == (event.schema() != null)) {
            problems.add("give either payloadSchemaRef or schema");
        } else if (hasRef && registry.schema(event.payloadSchemaRef()).isEmpty()) {
            problems.add("unknown payloadSchemaRef " + event.payloadSchemaRef());
        } else if (!hasRef) {
            problems.addAll(CustomSchemaCheck.problems(event.schema()));
        }
        return problems;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
