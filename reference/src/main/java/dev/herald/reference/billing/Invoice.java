package dev.herald.reference.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An invoice of a client, generated from approved billable time; amounts in cents of its currency. */
@Entity
@Table(name = "HERALD_INVOICE")
public class Invoice {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "CLIENT_ID", nullable = false, length = 36)
    private String clientId;

    @Column(name = "INVOICE_NUMBER", nullable = false, length = 32)
    private String invoiceNumber;

    @Column(name = "CURRENCY", nullable = false, length = 3)
    private String currency;

    /** ISO date (yyyy-mm-dd). */
    @Column(name = "DUE_DATE", nullable = false, length = 10)
    private String dueDate;

    @Column(name = "STATUS", nullable = false, length = 20)
    private String status;

    @Column(name = "TOTAL_CENTS", nullable = false)
    private long totalCents;

    @Column(name = "PAID_CENTS", nullable = false)
    private long paidCents;

    protected Invoice() {
    }

    Invoice(String tenantId, String clientId, String currency, String dueDate, long totalCents) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.invoiceNumber = "INV-" + id.substring(0, 8).toUpperCase();
        this.currency = currency;
        this.dueDate = dueDate;
        this.status = InvoiceState.DRAFT;
        this.totalCents = totalCents;
    }

    InvoiceState state() {
        return new InvoiceState(status, totalCents, paidCents);
    }

    void apply(InvoiceState next) {
        status = next.status();
        paidCents = next.paidCents();
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getClientId() {
        return clientId;
    }

    public String getInvoiceNumber() {
        return invoiceNumber;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDueDate() {
        return dueDate;
    }
}
