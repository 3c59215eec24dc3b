package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/** What a company, a user and a contact share: a named entry of a tenant, with the email notifications go to. */
@MappedSuperclass
public abstract class DirectoryEntry extends NamedEntry {

    @Column(name = "EMAIL", length = 320)
    private String email;

    protected DirectoryEntry() {
    }

    protected DirectoryEntry(String tenantId, String name, String email) {
        super(tenantId, name);
        this.email = email;
    }

    public String getEmail() {
        return email;
    }
}
