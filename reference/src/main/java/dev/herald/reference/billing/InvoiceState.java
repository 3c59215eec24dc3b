package dev.herald.reference.billing;

import java.util.List;

/** What an invoice looks like to its transition detector; the status follows from what was paid. */
public record InvoiceState(String status, long totalCents, long paidCents) {

    public static final String DRAFT = "draft";
    public static final String FINALIZED = "finalized";
    public static final String SENT = "sent";
    public static final String PARTIALLY_PAID = "partially_paid";
    public static final String PAID = "paid";
    public static final String OVERDUE = "overdue";
    /** Where payments may be recorded and where an invoice may fall overdue. */
    public static final List<String> OPEN = List.of(SENT, PARTIALLY_PAID, OVERDUE);

    public long amountDueCents() {
        return totalCents - paidCents;
    }

    /** After a payment or refund: paid in full, partly, or (everything refunded) back to sent. */
    public InvoiceState withPaid(long paid) {
        String next = paid >= totalCents ? PAID : paid > 0 ? PARTIALLY_PAID : SENT;
        return new InvoiceState(next, totalCents, paid);
    }

    public InvoiceState withStatus(String next) {
        return new InvoiceState(next, totalCents, paidCents);
    }
}
