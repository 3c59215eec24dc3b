package dev.herald.reference.timeentries;

import dev.herald.reference.changes.Amounts;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** Time a user logged on a work item (a ticket or a project task); billable time, once approved, is invoiced once. */
@Entity
@Table(name = "HERALD_TIME_ENTRY")
public class TimeEntry {

    public enum Status { DRAFT, SUBMITTED, APPROVED }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "TENANT_ID", nullable = false, length = 64)
    private String tenantId;

    @Column(name = "USER_ID", nullable = false, length = 36)
    private String userId;

    @Column(name = "CLIENT_ID", length = 36)
    private String clientId;

    @Column(name = "WORK_ITEM_ID", nullable = false, length = 36)
    private String workItemId;

    @Column(name = "WORK_ITEM_TYPE", nullable = false, length = 32)
    private String workItemType;

    @Column(name = "MINUTES", nullable = false)
    private int minutes;

    @Column(name = "BILLABLE", nullable = false)
    private boolean billable;

    /** Hourly rate in cents of the entry's currency. */
    @Column(name = "RATE_CENTS", nullable = false)
    private long rateCents;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", nullable = false, length = 16)
    private Status status;

    @Column(name = "INVOICE_ID", length = 36)
    private String invoiceId;

    protected TimeEntry() {
    }

    TimeEntry(String tenantId, String userId, String clientId, String workItemId, String workItemType, int minutes,
              boolean billable, long rateCents) {
        this.id = UUID.randomUUID().toString();
        this.tenantId = tenantId;
        this.userId = userId;
        this.clientId = clientId;
        this.workItemId = workItemId;
        this.workItemType = workItemType;
        this.minutes = minutes;
        this.billable = billable;
        this.rateCents = rateCents;
        this.status = Status.DRAFT;
    }

    void moveTo(Status next) {
        status = next;
    }

    /** The amount this entry bills, in cents, rounded half up to the cent. */
    public long amountCents() {
        return Amounts.billed(minutes, rateCents);
    }

    public void invoicedBy(String invoiceId) {
        this.invoiceId = invoiceId;
    }

    public String getId() {
        return id;
    }

    public String getTenantId() {
        return tenantId;
    }

    public String getUserId() {
        return userId;
    }

    public String getWorkItemId() {
        return workItemId;
    }

    public String getWorkItemType() {
        return workItemType;
    }

    public int getMinutes() {
        return minutes;
    }

    public boolean isBillable() {
        return billable;
    }

    public Status getStatus() {
        return status;
    }
}
