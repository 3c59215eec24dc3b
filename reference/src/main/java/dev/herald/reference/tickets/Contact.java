package dev.herald.reference.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A person at a client company, who can comment on tickets (a customer reply). */
@Entity
@Table(name = "HERALD_CONTACT")
public class Contact extends DirectoryEntry {

    @Column(name = "COMPANY_ID", length = 36)
    private String companyId;

    protected Contact() {
    }

    public Contact(String tenantId, String name, String email, String companyId) {
        super(tenantId, name, email);
        this.companyId = companyId;
    }

    public String getCompanyId() {
        return companyId;
    }
}
