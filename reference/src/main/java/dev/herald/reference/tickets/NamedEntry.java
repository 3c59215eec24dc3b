package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** What the ticket directory and classification share: an id, the tenant the entry belongs to and a name. */
@MappedSuperclass
public abstract class NamedEntry implements TenantOwned {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    protected NamedEntry() {
    }

    protected NamedEntry(String tenantId, String name) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.name = name;
    }

    public String getId() {
        return id;
    }

    @Override
    public String getTenantId() {
        return tenantId;
    }

    public String getName() {
        return name;
    }
}
