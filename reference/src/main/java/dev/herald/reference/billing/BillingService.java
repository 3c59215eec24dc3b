package dev.herald.reference.billing;

import dev.herald.events.Outgoing;
import dev.herald.reference.billing.InvoiceEvents.Context;
import dev.herald.reference.changes.ChangeResult;
import dev.herald.reference.changes.DomainEvents;
import dev.herald.reference.changes.Moments;
import dev.herald.reference.changes.AggregateNotFoundException;
import dev.herald.reference.changes.RefusedChangeException;
import dev.herald.reference.changes.Require;
import dev.herald.reference.timeentries.TimeEntry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Invoices from approved billable time, their finalization, sending, payments, refunds and falling overdue. Each
 * operation changes the rows and publishes what it means ({@link InvoiceEvents}) in one transaction.
 */
@Stateless
public class BillingService {

    public static final Set<String> DELIVERY_METHODS = Set.of("email", "portal", "print");

    @PersistenceContext(unitName = "herald-reference")
    EntityManager em;

    @Inject
    DomainEvents events;

    public ChangeResult generate(String tenantId, String clientId, String currency, String dueDate, String actorUserId) {
        Require.uuid(clientId, "clientId");
        date(dueDate, "dueDate");
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw new RefusedChangeException("currency must be an ISO 4217 code such as EUR, was " + currency);
        }
        List<TimeEntry> billable = em.createQuery("SELECT t FROM TimeEntry t WHERE t.tenantId = :tenant AND t.clientId = :client"
                        + " AND t.status = :approved AND t.billable = true AND t.invoiceId IS NULL ORDER BY t.id", TimeEntry.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId).setParameter("approved", TimeEntry.Status.APPROVED)
                .getResultList();
        if (billable.isEmpty()) {
            throw new RefusedChangeException("client " + clientId + " has no approved billable time left to invoice");
        }
        long totalCents;
        try {
            totalCents = Amounts.total(billable.stream().map(TimeEntry::amountCents).toList());
        } catch (ArithmeticException e) {
            throw new RefusedChangeException("client " + clientId + "'s approved billable time totals more than the largest"
                    + " invoice amount, " + Long.MAX_VALUE + " cents", e);
        }
        Invoice invoice = new Invoice(tenantId, clientId, currency, dueDate, totalCents);
        em.persist(invoice);
        billable.forEach(entry -> entry.invoicedBy(invoice.getId()));
        return events.publish(tenantId, invoice.getId(), List.of(InvoiceEvents.generated(context(invoice, actorUserId), invoice.state())));
    }

    public ChangeResult finalizeInvoice(String tenantId, String invoiceId, String actorUserId) {
        Invoice invoice = invoice(tenantId, invoiceId);
        requireStatus(invoice, Set.of(InvoiceState.DRAFT), "finalized");
        return transition(invoice, invoice.state().withStatus(InvoiceState.FINALIZED), actorUserId, List.of());
    }

    public ChangeResult send(String tenantId, String invoiceId, String deliveryMethod, String actorUserId) {
        if (deliveryMethod == null || !DELIVERY_METHODS.contains(deliveryMethod)) {
            throw new RefusedChangeException("deliveryMethod must be one of " + DELIVERY_METHODS + ", was " + deliveryMethod);
        }
        Invoice invoice = invoice(tenantId, invoiceId);
        requireStatus(invoice, Set.of(InvoiceState.FINALIZED), "sent");
        return transition(invoice, invoice.state().withStatus(InvoiceState.SENT), actorUserId,
                List.of(InvoiceEvents.sent(context(invoice, actorUserId), deliveryMethod)));
    }

    public ChangeResult recordPayment(String tenantId, String invoiceId, Long amountCents, String method, String actorUserId) {
        Invoice invoice = invoice(tenantId, invoiceId);
        requireStatus(invoice, Set.copyOf(InvoiceState.OPEN), "paid");
        InvoiceState before = invoice.state();
        if (amountCents == null || amountCents < 1 || amountCents > before.amountDueCents()) {
            throw new RefusedChangeException("a payment must be between 1 and the amount due (" + before.amountDueCents()
                    + " cents), was " + amountCents);
        }
        Payment payment = new Payment(tenantId, invoiceId, amountCents, method == null || method.isBlank() ? "manual" : method);
        em.persist(payment);
        ChangeResult result = transition(invoice, before.withPaid(before.paidCents() + amountCents), actorUserId,
                InvoiceEvents.paid(context(invoice, actorUserId), payment));
        return new ChangeResult(payment.getId(), result.eventIds(), result.eventTypes());
    }

    public ChangeResult refund(String tenantId, String paymentId, Long amountCents, String reason, String actorUserId) {
        Payment payment = paymentId == null ? null : em.find(Payment.class, paymentId);
        if (payment == null || !payment.getTenantId().equals(tenantId)) {
            throw new AggregateNotFoundException("no payment " + paymentId + " in tenant " + tenantId);
        }
        if (amountCents == null || amountCents < 1 || amountCents > payment.refundable()) {
            throw new RefusedChangeException("a refund must be between 1 and what is left of the payment (" + payment.refundable()
                    + " cents), was " + amountCents);
        }
        Invoice invoice = invoice(tenantId, payment.getInvoiceId());
        payment.refund(amountCents);
        InvoiceState before = invoice.state();
        ChangeResult result = transition(invoice, before.withPaid(before.paidCents() - amountCents), actorUserId,
                List.of(InvoiceEvents.refunded(context(invoice, actorUserId), payment, amountCents, reason)));
        return new ChangeResult(paymentId, result.eventIds(), result.eventTypes());
    }

    /** Every sent or partly paid invoice of the tenant whose due date lies before {@code asOf} becomes overdue. */
    public List<ChangeResult> markOverdue(String tenantId, String asOf) {
        LocalDate today = date(asOf, "asOf");
        List<ChangeResult> results = new ArrayList<>();
        for (Invoice invoice : em.createQuery("SELECT i FROM Invoice i WHERE i.tenantId = :tenant AND i.status IN :open"
                        + " AND i.dueDate < :today ORDER BY i.dueDate", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("open", List.of(InvoiceState.SENT, InvoiceState.PARTIALLY_PAID))
                .setParameter("today", today.toString()).getResultList()) {
            InvoiceState before = invoice.state();
            InvoiceState after = before.withStatus(InvoiceState.OVERDUE);
            invoice.apply(after);
            results.add(events.publish(tenantId, invoice.getId(), InvoiceEvents.transition(context(invoice, null), before, after, today)));
        }
        return results;
    }

    /** Applies a new state and publishes the operation's own events, then the transition's. */
    private ChangeResult transition(Invoice invoice, InvoiceState after, String actorUserId, List<Outgoing> operation) {
        InvoiceState before = invoice.state();
        invoice.apply(after);
        List<Outgoing> emitted = new ArrayList<>(operation);
        emitted.addAll(InvoiceEvents.transition(context(invoice, actorUserId), before, after, LocalDate.now(ZoneOffset.UTC)));
        return events.publish(invoice.getTenantId(), invoice.getId(), emitted);
    }

    private Invoice invoice(String tenantId, String invoiceId) {
        Invoice invoice = invoiceId == null ? null : em.find(Invoice.class, invoiceId);
        if (invoice == null || !invoice.getTenantId().equals(tenantId)) {
            throw new AggregateNotFoundException("no invoice " + invoiceId + " in tenant " + tenantId);
        }
        return invoice;
    }

    private static void requireStatus(Invoice invoice, Set<String> allowed, String next) {
        String status = invoice.state().status();
        if (!allowed.contains(status)) {
            throw new RefusedChangeException("invoice " + invoice.getInvoiceNumber() + " is " + status + "; only an invoice that is "
                    + allowed + " can be " + next);
        }
    }

    private static Context context(Invoice invoice, String actorUserId) {
        return new Context(invoice, Optional.ofNullable(Require.optionalUuid(actorUserId, "actorUserId")), Moments.now());
    }

    private static LocalDate date(String value, String field) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new RefusedChangeException(field + " must be an ISO date (2026-12-31), was " + value);
        }
    }
}
