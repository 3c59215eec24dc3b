package dev.herald.reference.billing;

import dev.herald.events.HeraldEvent;
import dev.herald.events.Outgoing;
import dev.herald.events.types.InvoiceFinalized;
import dev.herald.events.types.InvoiceGenerated;
import dev.herald.events.types.InvoiceOverdue;
import dev.herald.events.types.InvoiceSent;
import dev.herald.events.types.InvoiceStatusChanged;
import dev.herald.events.types.PaymentApplied;
import dev.herald.events.types.PaymentRecorded;
import dev.herald.events.types.PaymentRefunded;
import dev.herald.reference.changes.Require;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one transition detector of billing: invoice state before and after an operation, plus what the operation
 * itself was (sent, paid, refunded), mapped to the catalog's events. Every event carries the invoice as aggregate,
 * so an invoice's events, its payments' included, reach the streams in order. Pure.
 */
public final class InvoiceEvents {

    /** Who acted on which invoice, and when. */
    public record Context(Invoice invoice, Optional<String> actorUserId, Instant at) {
    }

    /** The context as every billing event carries it: checked ids as UUIDs, a system change without an actor. */
    private record Base(UUID tenantId, UUID invoiceId, UUID clientId, UUID actorUserId, String actorType, Instant at) {

        static Base of(Context context) {
            UUID actor = Require.id(context.actorUserId().orElse(null));
            Invoice invoice = context.invoice();
            return new Base(Require.id(invoice.getTenantId()), Require.id(invoice.getId()), Require.id(invoice.getClientId()),
                    actor, actor == null ? "SYSTEM" : "USER", context.at());
        }
    }

    private InvoiceEvents() {
    }

    public static Outgoing generated(Context context, InvoiceState state) {
        Base base = Base.of(context);
        return event(context, InvoiceGenerated.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .invoiceId(base.invoiceId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .clientId(base.clientId()).totalAmount(amount(state.totalCents())).status(state.status())
                .invoiceNumber(context.invoice().getInvoiceNumber()).userId(base.actorUserId()).build());
    }

    /** The status transition, and what entering the new status means (finalized, overdue). */
    public static List<Outgoing> transition(Context context, InvoiceState before, InvoiceState after, LocalDate today) {
        List<Outgoing> events = new ArrayList<>();
        if (before.status().equals(after.status())) {
            return events;
        }
        Base base = Base.of(context);
        Invoice invoice = context.invoice();
        events.add(event(context, InvoiceStatusChanged.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .invoiceId(base.invoiceId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .previousStatus(before.status()).newStatus(after.status()).changedAt(base.at()).build()));
        if (InvoiceState.FINALIZED.equals(after.status())) {
            events.add(event(context, InvoiceFinalized.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .invoiceId(base.invoiceId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .clientId(base.clientId()).totalAmount(amount(after.totalCents())).status(after.status())
                    .invoiceNumber(invoice.getInvoiceNumber()).userId(base.actorUserId()).build()));
        }
        if (InvoiceState.OVERDUE.equals(after.status())) {
            LocalDate due = LocalDate.parse(invoice.getDueDate());
            events.add(event(context, InvoiceOverdue.builder().tenantId(base.tenantId()).occurredAt(base.at())
                    .invoiceId(base.invoiceId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                    .clientId(base.clientId()).dueDate(invoice.getDueDate()).amountDue(amount(after.amountDueCents()))
                    .currency(invoice.getCurrency()).daysOverdue(ChronoUnit.DAYS.between(due, today)).overdueAt(base.at())
                    .build()));
        }
        return events;
    }

    public static Outgoing sent(Context context, String deliveryMethod) {
        Base base = Base.of(context);
        return event(context, InvoiceSent.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .invoiceId(base.invoiceId()).actorUserId(base.actorUserId()).actorType(base.actorType())
                .deliveryMethod(deliveryMethod).clientId(base.clientId()).sentAt(base.at())
                .sentByUserId(base.actorUserId()).build());
    }

    /**
     * PAYMENT_RECORDED and PAYMENT_APPLIED: a payment received and applied to this invoice. Each application names
     * {@code invoiceId} and {@code amountApplied}, the two fields the existing consumers require of it (and the only
     * two the schema declares).
     */
    public static List<Outgoing> paid(Context context, Payment payment) {
        Base base = Base.of(context);
        UUID paymentId = Require.id(payment.getId());
        String amount = amount(payment.getAmountCents());
        Outgoing recorded = event(context, PaymentRecorded.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .paymentId(paymentId).actorUserId(base.actorUserId()).actorType(base.actorType())
                .amount(amount).currency(context.invoice().getCurrency()).method(payment.getMethod())
                .clientId(base.clientId()).receivedAt(base.at()).receivedByUserId(base.actorUserId()).build());
        Outgoing applied = event(context, PaymentApplied.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .paymentId(paymentId).actorUserId(base.actorUserId()).actorType(base.actorType())
                .applications(List.of(PaymentApplied.Application.builder().invoiceId(base.invoiceId())
                        .amountApplied(amount).build()))
                .appliedAt(base.at()).appliedByUserId(base.actorUserId()).build());
        return List.of(recorded, applied);
    }

    /** @param reason null when none was given */
    public static Outgoing refunded(Context context, Payment payment, long cents, String reason) {
        Base base = Base.of(context);
        return event(context, PaymentRefunded.builder().tenantId(base.tenantId()).occurredAt(base.at())
                .paymentId(Require.id(payment.getId())).actorUserId(base.actorUserId()).actorType(base.actorType())
                .amount(amount(cents)).currency(context.invoice().getCurrency()).refundedAt(base.at())
                .refundedByUserId(base.actorUserId()).reason(reason).build());
    }

    /** Cents as the catalog's decimal string: 123456 -> "1234.56". */
    static String amount(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    private static Outgoing event(Context context, HeraldEvent event) {
        return Outgoing.of(event).forAggregate("invoice:" + context.invoice().getId());
    }
}
