package dev.herald.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Time entries and billing on the real server: logged, submitted and approved time becomes an invoice that is
 * finalized, sent, partly paid, falls overdue, is paid and partly refunded. Each operation puts exactly its events
 * on Redis; an invoice's events (its payments' included) arrive in the order of the operations; a refused
 * operation puts nothing there.
 */
class BillingEventsIT extends RedisPipelineTestBase {

    private static final String USER = "6b0f4a52-2222-4000-8000-000000000003";
    private static final String MANAGER = "6b0f4a52-2222-4000-8000-000000000004";
    /** The events of the ticket the time is logged on and of the time itself, before the invoice's. */
    private static final Set<String> TIME_TYPES = Set.of("TICKET_CREATED", "TICKET_TIME_ENTRY_ADDED", "TIME_ENTRY_SUBMITTED",
            "TIME_ENTRY_APPROVED");

    @Test
    void approvedTimeIsInvoicedPaidAndRefundedWithEveryEventInOrder() throws Exception {
        String client = UUID.randomUUID().toString();
        List<String> invoiceTypes = new ArrayList<>();

        String ticket = expectEvents(201, herald.post("api/tickets", Json.createObjectBuilder().add("ticketNumber", "T-1")
                .add("title", "Printer on fire").build()), null, "TICKET_CREATED").getString("ticketId");
        String entry = expectEvents(201, herald.post("api/time-entries", Json.createObjectBuilder().add("clientId", client)
                .add("workItemId", ticket).add("workItemType", "ticket").add("minutes", 90)
                .add("rateCents", 10_000).add("actorUserId", USER).build()), null, "TICKET_TIME_ENTRY_ADDED").getString("id");
        expectEvents(200, herald.post("api/time-entries/" + entry + "/submit", actor(USER)), null, "TIME_ENTRY_SUBMITTED");
        expectEvents(200, herald.post("api/time-entries/" + entry + "/approve", actor(MANAGER)), null, "TIME_ENTRY_APPROVED");
        assertEquals(400, herald.post("api/time-entries/" + entry + "/approve", actor(MANAGER)).status(), "approved once");

        JsonObject generated = expectEvents(201, herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client)
                .add("currency", "EUR").add("dueDate", "2026-01-01").add("actorUserId", MANAGER).build()), invoiceTypes, "INVOICE_GENERATED");
        String invoice = "api/invoices/" + generated.getString("id");
        assertEquals(400, herald.post("api/invoices", Json.createObjectBuilder().add("clientId", client).add("currency", "EUR")
                .add("dueDate", "2026-01-01").build()).status(), "the time is invoiced once");
        expectEvents(200, herald.post(invoice + "/finalize", actor(MANAGER)), invoiceTypes, "INVOICE_STATUS_CHANGED", "INVOICE_FINALIZED");
        expectEvents(200, herald.post(invoice + "/send", Json.createObjectBuilder().add("deliveryMethod", "email")
                .add("actorUserId", MANAGER).build()), invoiceTypes, "INVOICE_SENT", "INVOICE_STATUS_CHANGED");
        expectEvents(201, herald.post(invoice + "/payments", payment(5_000)), invoiceTypes,
                "PAYMENT_RECORDED", "PAYMENT_APPLIED", "INVOICE_STATUS_CHANGED");
        HeraldClient.Reply overdue = herald.post("api/invoices/overdue-check" + "?asOf=2026-02-01", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals(200, overdue.status(), overdue.body());
        assertEquals(List.of("INVOICE_STATUS_CHANGED", "INVOICE_OVERDUE"), overdue.jsonArray().getJsonObject(0)
                .getJsonArray("eventTypes").getValuesAs(JsonString::getString));
        invoiceTypes.addAll(List.of("INVOICE_STATUS_CHANGED", "INVOICE_OVERDUE"));
        assertEquals(400, herald.post(invoice + "/payments", payment(50_000)).status(), "more than is due");
        String payment = expectEvents(201, herald.post(invoice + "/payments", payment(10_000)), invoiceTypes,
                "PAYMENT_RECORDED", "PAYMENT_APPLIED", "INVOICE_STATUS_CHANGED").getString("id");
        expectEvents(201, herald.post("api/payments/" + payment + "/refunds", Json.createObjectBuilder().add("amountCents", 2_000)
                .add("reason", "goodwill").add("actorUserId", MANAGER).build()), invoiceTypes, "PAYMENT_REFUNDED", "INVOICE_STATUS_CHANGED");

        int total = invoiceTypes.size() + TIME_TYPES.size();
        List<Map<String, String>> entries = Eventually.await("the tenant's " + total + " events", PIPELINE, () -> {
            List<Map<String, String>> mine = workflowEntriesOf(tenant);
            return mine.size() >= total ? mine : null;
        });
        List<String> types = entries.stream().map(e -> e.get("event_type")).toList();
        assertEquals(invoiceTypes, types.stream().filter(t -> !TIME_TYPES.contains(t)).toList(), "the invoice's events in order");
        assertEquals(List.of("TIME_ENTRY_SUBMITTED", "TIME_ENTRY_APPROVED"),
                types.stream().filter(t -> t.startsWith("TIME_ENTRY_")).toList());
        assertEquals(total, types.size(), "nothing else: " + types);

        assertEquals("150.00", firstPayload(entries, "INVOICE_GENERATED").getString("totalAmount"), "90 minutes at 100.00 an hour");
        JsonObject late = firstPayload(entries, "INVOICE_OVERDUE");
        assertEquals("100.00", late.getString("amountDue"));
        assertEquals(31, late.getInt("daysOverdue"));
        List<String> statuses = entries.stream().filter(e -> e.get("event_type").equals("INVOICE_STATUS_CHANGED"))
                .map(e -> TicketEventRelayIT.parse(e.get("payload_json")).getString("newStatus")).toList();
        assertEquals(List.of("finalized", "sent", "partially_paid", "overdue", "paid", "partially_paid"), statuses);
        assertTheConsumersAcceptEveryEventOf(tenant);
    }

    private static JsonObject actor(String user) {
        return Json.createObjectBuilder().add("actorUserId", user).build();
    }

    private static JsonObject payment(long cents) {
        return Json.createObjectBuilder().add("amountCents", cents).add("method", "card").add("actorUserId", MANAGER).build();
    }
}
