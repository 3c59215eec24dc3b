package dev.herald.reference.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user of a tenant (an agent), who can be assigned a ticket or be an additional resource on it. */
@Entity(name = "User")
@Table(name = "HERALD_USER")
public class User extends DirectoryEntry {

    protected User() {
    }

    public User(String tenantId, String name, String email) {
        super(tenantId, name, email);
    }
}
