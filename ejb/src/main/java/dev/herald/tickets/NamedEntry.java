package dev.herald.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.UUID;

/** What a ticket status, priority and board share: an id, the tenant they belong to and a name. */
@MappedSuperclass
public abstract class TicketCategory implements TenantOwned {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "NAME", nullable = false, length = 200)
    private String name;

    protected TicketCategory() {
    }

    protected TicketCategory(String tenantId, String name) {
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
