package dev.herald.reference.tickets;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A client company of a tenant; its email receives the notifications of its tickets. */
@Entity
@Table(name = "HERALD_COMPANY")
public class Company extends DirectoryEntry {

    protected Company() {
    }

    public Company(String tenantId, String name, String email) {
        super(tenantId, name, email);
    }
}
