package dev.herald.reference.billing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A payment received for one invoice, and what of it was refunded since; amounts in cents. */
@Entity
@Table(name = "HERALD_PAYMENT")
public class Payment {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "INVOICE_ID", nullable = false, length = 36)
    private String invoiceId;

    @Column(name = "AMOUNT_CENTS", nullable = false)
    private long amountCents;

    @Column(name = "REFUNDED_CENTS", nullable = false)
    private long refundedCents;

    @Column(name = "METHOD", nullable = false, length = 32)
    private String method;

    protected Payment() {
    }

    Payment(String tenantId, String invoiceId, long amountCents, String method) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.invoiceId = invoiceId;
        this.amountCents = amountCents;
        this.method = method;
    }

    long refundable() {
        return amountCents - refundedCents;
    }

    void refund(long cents) {
        refundedCents += cents;
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getInvoiceId() {
        return invoiceId;
    }

    public long getAmountCents() {
        return amountCents;
    }

    public String getMethod() {
        return method;
    }
}
