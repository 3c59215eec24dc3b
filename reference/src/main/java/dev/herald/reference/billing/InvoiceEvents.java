package dev.herald.reference.billing;

import dev.herald.publish.DomainEvent;
import dev.herald.publish.EnvelopeJson;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one transition detector of billing: invoice state before and after an operation, plus what the operation
 * itself was (sent, paid, refunded), mapped to the catalog's events. Every event carries the invoice as aggregate,
 * so an invoice's events, its payments' included, reach the streams in order. Pure.
 */
public final class InvoiceEvents {

    /** Who acted on which invoice, and when. */
    public record Context(Invoice invoice, Optional<String> actorUserId, Instant at) {
    }

    private InvoiceEvents() {
    }

    public static DomainEvent generated(Context context, InvoiceState state) {
        JsonObjectBuilder payload = summary(context, state);
        context.actorUserId().ifPresent(user -> payload.add("userId", user));
        return event(context, "INVOICE_GENERATED", payload);
    }

    /** The status transition, and what entering the new status means (finalized, overdue). */
    public static List<DomainEvent> transition(Context context, InvoiceState before, InvoiceState after, LocalDate today) {
        List<DomainEvent> events = new ArrayList<>();
        if (before.status().equals(after.status())) {
            return events;
        }
        events.add(event(context, "INVOICE_STATUS_CHANGED", base(context).add("previousStatus", before.status())
                .add("newStatus", after.status()).add("changedAt", time(context))));
        if (InvoiceState.FINALIZED.equals(after.status())) {
            JsonObjectBuilder finalized = summary(context, after);
            context.actorUserId().ifPresent(user -> finalized.add("userId", user));
            events.add(event(context, "INVOICE_FINALIZED", finalized));
        }
        if (InvoiceState.OVERDUE.equals(after.status())) {
            LocalDate due = LocalDate.parse(context.invoice().getDueDate());
            events.add(event(context, "INVOICE_OVERDUE", base(context).add("clientId", context.invoice().getClientId())
                    .add("dueDate", context.invoice().getDueDate()).add("amountDue", amount(after.amountDueCents()))
                    .add("currency", context.invoice().getCurrency()).add("daysOverdue", ChronoUnit.DAYS.between(due, today))
                    .add("overdueAt", time(context))));
        }
        return events;
    }

    public static DomainEvent sent(Context context, String deliveryMethod) {
        JsonObjectBuilder payload = base(context).add("deliveryMethod", deliveryMethod).add("clientId", context.invoice().getClientId())
                .add("sentAt", time(context));
        context.actorUserId().ifPresent(user -> payload.add("sentByUserId", user));
        return event(context, "INVOICE_SENT", payload);
    }

    /**
     * PAYMENT_RECORDED and PAYMENT_APPLIED: a payment received and applied to this invoice. Each application names
     * {@code invoiceId} and {@code amountApplied}, the two fields the existing consumers require of it.
     */
    public static List<DomainEvent> paid(Context context, Payment payment) {
        JsonObjectBuilder recorded = payment(context, payment).add("amount", amount(payment.getAmountCents()))
                .add("currency", context.invoice().getCurrency()).add("method", payment.getMethod())
                .add("clientId", context.invoice().getClientId()).add("receivedAt", time(context));
        context.actorUserId().ifPresent(user -> recorded.add("receivedByUserId", user));
        JsonObjectBuilder applied = payment(context, payment).add("applications", WireJson.builders().createArrayBuilder()
                .add(WireJson.builders().createObjectBuilder().add("invoiceId", context.invoice().getId())
                        .add("amountApplied", amount(payment.getAmountCents())).add("currency", context.invoice().getCurrency())))
                .add("appliedAt", time(context));
        context.actorUserId().ifPresent(user -> applied.add("appliedByUserId", user));
        return List.of(event(context, "PAYMENT_RECORDED", recorded), event(context, "PAYMENT_APPLIED", applied));
    }

    public static DomainEvent refunded(Context context, Payment payment, long cents, String reason) {
        JsonObjectBuilder payload = payment(context, payment).add("amount", amount(cents))
                .add("currency", context.invoice().getCurrency()).add("refundedAt", time(context));
        context.actorUserId().ifPresent(user -> payload.add("refundedByUserId", user));
        if (reason != null) {
            payload.add("reason", reason);
        }
        return event(context, "PAYMENT_REFUNDED", payload);
    }

    /** Cents as the catalog's decimal string: 123456 -> "1234.56". */
    static String amount(long cents) {
        return (cents < 0 ? "-" : "") + Math.abs(cents) / 100 + "." + String.format("%02d", Math.abs(cents) % 100);
    }

    private static JsonObjectBuilder summary(Context context, InvoiceState state) {
        return base(context).add("clientId", context.invoice().getClientId()).add("totalAmount", amount(state.totalCents()))
                .add("status", state.status()).add("invoiceNumber", context.invoice().getInvoiceNumber());
    }

    private static JsonObjectBuilder base(Context context) {
        return actor(context, WireJson.builders().createObjectBuilder().add("tenantId", context.invoice().getTenantId())
                .add("occurredAt", time(context)).add("invoiceId", context.invoice().getId()));
    }

    private static JsonObjectBuilder payment(Context context, Payment payment) {
        return actor(context, WireJson.builders().createObjectBuilder().add("tenantId", context.invoice().getTenantId())
                .add("occurredAt", time(context)).add("paymentId", payment.getId()));
    }

    private static JsonObjectBuilder actor(Context context, JsonObjectBuilder payload) {
        context.actorUserId().ifPresentOrElse(user -> payload.add("actorUserId", user).add("actorType", "USER"),
                () -> payload.add("actorType", "SYSTEM"));
        return payload;
    }

    private static DomainEvent event(Context context, String type, JsonObjectBuilder payload) {
        return DomainEvent.of(type, payload.build()).forAggregate(context.invoice().getTenantId(), "invoice:" + context.invoice().getId());
    }

    private static String time(Context context) {
        return WireTime.text(context.at());
    }
}
