package dev.herald.reference.billing;

import static dev.herald.reference.changes.Publishable.operation;
import static dev.herald.reference.changes.Publishable.published;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.herald.reference.billing.InvoiceEvents.Context;
import dev.herald.reference.changes.Publishable;
import dev.herald.contract.ConsumerContract;
import dev.herald.events.Outgoing;
import dev.herald.publish.DomainEvent;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event the billing service emits, built the way the service builds it, as the existing consumers read it. */
class BillingEventsMeetTheConsumerContractTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String CLIENT = "3f1c2a9e-0000-4000-8000-000000000010";
    private static final Instant AT = Instant.parse("2026-11-23T07:41:51.792Z");
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    private static Invoice invoice() {
        return new Invoice(TENANT, CLIENT, "EUR", "2026-11-10", 12_345);
    }

    private static Context by(Invoice invoice, Optional<String> actor) {
        return new Context(invoice, actor, AT);
    }

    /** What BillingService#transition publishes: the operation's own events, then the status transition's. */
    private static List<DomainEvent> transition(Invoice invoice, Optional<String> actor, InvoiceState after, List<Outgoing> operation) {
        List<Outgoing> events = new ArrayList<>(operation);
        events.addAll(InvoiceEvents.transition(by(invoice, actor), invoice.state(), after, TODAY));
        return published(events);
    }

    /** Each operation of {@link BillingService}, with the events it hands to the publisher. */
    static Stream<Named<Supplier<List<DomainEvent>>>> operations() {
        return Stream.of(
                operation("generate by a user", () -> {
                    Invoice invoice = invoice();
                    return published(List.of(InvoiceEvents.generated(by(invoice, Optional.of(USER)), invoice.state())));
                }),
                operation("generate by the system", () -> {
                    Invoice invoice = invoice();
                    return published(List.of(InvoiceEvents.generated(by(invoice, Optional.empty()), invoice.state())));
                }),
                operation("finalize", () -> {
                    Invoice invoice = invoice();
                    return transition(invoice, Optional.of(USER), invoice.state().withStatus(InvoiceState.FINALIZED), List.of());
                }),
                operation("send", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withStatus(InvoiceState.FINALIZED));
                    return transition(invoice, Optional.of(USER), invoice.state().withStatus(InvoiceState.SENT),
                            List.of(InvoiceEvents.sent(by(invoice, Optional.of(USER)), "portal")));
                }),
                operation("record a partial payment", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withStatus(InvoiceState.SENT));
                    Payment payment = new Payment(TENANT, invoice.getId(), 5_000, "manual");
                    return transition(invoice, Optional.of(USER), invoice.state().withPaid(5_000),
                            InvoiceEvents.paid(by(invoice, Optional.of(USER)), payment));
                }),
                operation("record the full payment without an actor", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withStatus(InvoiceState.OVERDUE));
                    Payment payment = new Payment(TENANT, invoice.getId(), 12_345, "card");
                    return transition(invoice, Optional.empty(), invoice.state().withPaid(12_345),
                            InvoiceEvents.paid(by(invoice, Optional.empty()), payment));
                }),
                operation("refund all of it", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withPaid(12_345));
                    Payment payment = new Payment(TENANT, invoice.getId(), 12_345, "card");
                    return transition(invoice, Optional.of(USER), invoice.state().withPaid(0),
                            List.of(InvoiceEvents.refunded(by(invoice, Optional.of(USER)), payment, 12_345, "goodwill")));
                }),
                operation("refund part of it without a reason", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withPaid(12_345));
                    Payment payment = new Payment(TENANT, invoice.getId(), 12_345, "card");
                    return transition(invoice, Optional.of(USER), invoice.state().withPaid(12_245),
                            List.of(InvoiceEvents.refunded(by(invoice, Optional.of(USER)), payment, 100, null)));
                }),
                operation("fall overdue", () -> {
                    Invoice invoice = invoice();
                    invoice.apply(invoice.state().withPaid(2_345));
                    return published(InvoiceEvents.transition(by(invoice, Optional.empty()), invoice.state(),
                            invoice.state().withStatus(InvoiceState.OVERDUE), TODAY));
                }));
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyEventOfEveryBillingOperationIsAcceptedByTheConsumersAndByHeraldsSchema(Supplier<List<DomainEvent>> operation) {
        Publishable.acceptedByTheConsumersAndHerald(operation.get());
    }

    @Test
    void paymentAppliedNamesTheInvoiceAndTheAmountAppliedToIt() {
        Invoice invoice = invoice();
        DomainEvent applied = published(InvoiceEvents.paid(by(invoice, Optional.of(USER)), new Payment(TENANT, invoice.getId(), 5_000, "card")).get(1));
        assertEquals("PAYMENT_APPLIED", applied.eventType());
        JsonObject application = applied.payload().getJsonArray("applications").getJsonObject(0);
        assertEquals(invoice.getId(), application.getString("invoiceId"));
        assertEquals("50.00", application.getString("amountApplied"));
    }

    @Test
    void theOperationsAboveCoverEveryBillingEventType() {
        Set<String> emitted = new TreeSet<>();
        operations().forEach(operation -> operation.getPayload().get().forEach(event -> emitted.add(event.eventType())));
        assertEquals(new TreeSet<>(Set.of("INVOICE_GENERATED", "INVOICE_STATUS_CHANGED", "INVOICE_FINALIZED", "INVOICE_SENT",
                "INVOICE_OVERDUE", "PAYMENT_RECORDED", "PAYMENT_APPLIED", "PAYMENT_REFUNDED")), emitted);
    }
}
