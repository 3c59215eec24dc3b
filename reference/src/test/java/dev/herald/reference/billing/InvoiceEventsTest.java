package dev.herald.reference.billing;

import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.herald.reference.billing.InvoiceEvents.Context;
import dev.herald.reference.changes.Publishable;
import dev.herald.publish.DomainEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvoiceEventsTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String CLIENT = "3f1c2a9e-0000-4000-8000-000000000010";
    private final Invoice invoice = new Invoice(TENANT, CLIENT, "EUR", "2026-12-10", 12_345);
    private final Context context = new Context(invoice, Optional.of(USER), Instant.parse("2026-12-20T09:00:00.000Z"));

    @Test
    void generatingCarriesTheTotalAndNumber() {
        DomainEvent generated = published(InvoiceEvents.generated(context, invoice.state()));
        assertEquals(List.of("INVOICE_GENERATED"), Publishable.types(List.of(generated)));
        assertEquals("123.45", generated.payload().getString("totalAmount"));
        assertEquals("draft", generated.payload().getString("status"));
        assertEquals(invoice.getInvoiceNumber(), generated.payload().getString("invoiceNumber"));
        assertEquals(Optional.of(TENANT + ":invoice:" + invoice.getId()), generated.aggregateKey());
    }

    @Test
    void finalizingIsAStatusChangeAndAFinalization() {
        InvoiceState draft = invoice.state();
        List<DomainEvent> events = published(InvoiceEvents.transition(context, draft, draft.withStatus(InvoiceState.FINALIZED), LocalDate.now()));
        assertEquals(List.of("INVOICE_STATUS_CHANGED", "INVOICE_FINALIZED"), Publishable.types(events));
        assertEquals("draft", events.get(0).payload().getString("previousStatus"));
        assertEquals("finalized", events.get(0).payload().getString("newStatus"));
    }

    @Test
    void noStatusChangeMeansNoTransitionEvent() {
        InvoiceState sent = invoice.state().withStatus(InvoiceState.SENT);
        assertEquals(List.of(), InvoiceEvents.transition(context, sent, sent, LocalDate.now()));
    }

    @Test
    void fallingOverdueCountsTheDaysAndWhatIsStillDue() {
        InvoiceState partly = new InvoiceState(InvoiceState.PARTIALLY_PAID, 12_345, 2_345);
        List<DomainEvent> events = published(InvoiceEvents.transition(context, partly, partly.withStatus(InvoiceState.OVERDUE),
                LocalDate.parse("2026-12-20")));
        assertEquals(List.of("INVOICE_STATUS_CHANGED", "INVOICE_OVERDUE"), Publishable.types(events));
        assertEquals(10, events.get(1).payload().getInt("daysOverdue"));
        assertEquals("100.00", events.get(1).payload().getString("amountDue"));
        assertEquals("EUR", events.get(1).payload().getString("currency"));
    }

    @Test
    void aPaymentIsRecordedAndAppliedToTheInvoice() {
        Payment payment = new Payment(TENANT, invoice.getId(), 5_000, "card");
        List<DomainEvent> events = published(InvoiceEvents.paid(context, payment));
        assertEquals(List.of("PAYMENT_RECORDED", "PAYMENT_APPLIED"), Publishable.types(events));
        assertEquals("50.00", events.get(0).payload().getString("amount"));
        assertEquals(invoice.getId(), events.get(1).payload().getJsonArray("applications").getJsonObject(0).getString("invoiceId"));
        assertEquals(List.of("PAYMENT_REFUNDED"), Publishable.types(published(List.of(InvoiceEvents.refunded(context, payment, 1_000, "goodwill")))));
        assertEquals(List.of("INVOICE_SENT"), Publishable.types(published(List.of(InvoiceEvents.sent(context, "email")))));
    }

    @Test
    void paymentsMoveTheStatusByWhatIsPaid() {
        InvoiceState sent = invoice.state().withStatus(InvoiceState.SENT);
        assertEquals(InvoiceState.PARTIALLY_PAID, sent.withPaid(100).status());
        assertEquals(InvoiceState.PAID, sent.withPaid(12_345).status());
        assertEquals(InvoiceState.SENT, sent.withPaid(12_345).withPaid(0).status(), "everything refunded");
        assertTrue(sent.withPaid(100).amountDueCents() == 12_245);
    }

    @Test
    void amountsAreDecimalStringsWithTwoDigits() {
        assertEquals("0.05", InvoiceEvents.amount(5));
        assertEquals("1234.56", InvoiceEvents.amount(123_456));
        assertEquals("-1.00", InvoiceEvents.amount(-100));
    }
}
