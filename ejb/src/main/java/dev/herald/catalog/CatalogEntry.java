package dev.herald.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One event type in the catalog: a system entry (tenant {@value #SYSTEM}) seeded from the schemas module, or a
 * tenant's custom event. A system type that disappears from the schemas is marked removed, never deleted, so
 * history that names it stays readable.
 */
@Entity
@Table(name = "HERALD_CATALOG_ENTRY",
        uniqueConstraints = @UniqueConstraint(name = "UK_CATALOG_TENANT_TYPE", columnNames = {"TENANT_ID", "EVENT_TYPE"}))
public class CatalogEntry {

    /** The tenant id of system entries; tenant ids come from authenticated principals and are never "*". */
    public static final String SYSTEM = "*";
    public static final String CUSTOM_STATUS = "custom";

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "EVENT_TYPE", nullable = false, length = 128)
    private String eventType;

    @Column(name = "DISPLAY_NAME", nullable = false, length = 200)
    private String displayName;

    @Column(name = "CATEGORY", nullable = false, length = 100)
    private String category;

    @Column(name = "DESCRIPTION", length = 2000)
    private String description;

    @Column(name = "PAYLOAD_SCHEMA_REF", length = 200)
    private String payloadSchemaRef;

    /** A tenant's own JSON Schema for its custom event, when it does not reference a registry schema. */
    @Lob
    @Column(name = "CUSTOM_SCHEMA")
    private String customSchema;

    @Column(name = "STATUS", nullable = false, length = 32)
    private String status;

    @Column(name = "EMITTED_BY_HERALD", nullable = false)
    private boolean emittedByHerald;

    @Column(name = "REMOVED", nullable = false)
    private boolean removed;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Version
    @Column(name = "VERSION")
    private long version;

    protected CatalogEntry() {
    }

    private CatalogEntry(String tenantId, CatalogDefinition definition, String customSchema, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.eventType = definition.eventType();
        this.createdAt = now;
        apply(definition, customSchema, now);
    }

    public static CatalogEntry system(CatalogDefinition definition, Instant now) {
        return new CatalogEntry(SYSTEM, definition, null, now);
    }

    public static CatalogEntry custom(String tenantId, CatalogDefinition definition, String customSchema, Instant now) {
        if (SYSTEM.equals(tenantId)) {
            throw new IllegalArgumentException("a custom event belongs to a tenant");
        }
        return new CatalogEntry(tenantId, definition, customSchema, now);
    }

    /** Brings the entry in line with the definition; returns whether anything changed (a removed entry returns). */
    public boolean updateFrom(CatalogDefinition definition, String schema, Instant now) {
        if (!removed && matches(definition) && Objects.equals(customSchema, schema)) {
            return false;
        }
        apply(definition, schema, now);
        return true;
    }

    /** @return whether the entry was visible until now */
    public boolean markRemoved(Instant now) {
        if (removed) {
            return false;
        }
        removed = true;
        updatedAt = now;
        return true;
    }

    private boolean matches(CatalogDefinition d) {
        return Objects.equals(displayName, d.displayName()) && Objects.equals(category, d.category())
                && Objects.equals(description, d.description()) && Objects.equals(payloadSchemaRef, d.payloadSchemaRef())
                && Objects.equals(status, d.status()) && emittedByHerald == d.emittedByHerald();
    }

    private void apply(CatalogDefinition d, String schema, Instant now) {
        displayName = d.displayName();
        category = d.category();
        description = d.description();
        payloadSchemaRef = d.payloadSchemaRef();
        status = d.status();
        emittedByHerald = d.emittedByHerald();
        customSchema = schema;
        removed = false;
        updatedAt = now;
    }

    public CatalogDefinition definition() {
        return new CatalogDefinition(eventType, displayName, category, description, payloadSchemaRef, status, emittedByHerald);
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public boolean isSystem() {
        return SYSTEM.equals(tenantId);
    }

    public String getEventType() {
        return eventType;
    }

    public String getPayloadSchemaRef() {
        return payloadSchemaRef;
    }

    public String getCustomSchema() {
        return customSchema;
    }

    public boolean isRemoved() {
        return removed;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
