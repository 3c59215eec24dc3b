package dev.herald.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker refuses what the consumers refuse, so a green conformance test means something. */
class ConsumerContractTest {

    private static final String TENANT = "3f1c2a9e-0000-4000-8000-000000000001";
    private static final String TICKET = "3f1c2a9e-0000-4000-8000-000000000440";
    private static final String USER = "3f1c2a9e-0000-4000-8000-000000000464";

    @Test
    void listsEveryEventType() {
        assertEquals(280, ConsumerContract.eventTypes().size());
    }

    @Test
    void acceptsAUuidTenantAndRefusesASlug() {
        String payload = "{\"tenantId\":\"%s\",\"ticketId\":\"" + TICKET + "\",\"userId\":\"" + USER + "\"}";
        assertTrue(ConsumerContract.payloadViolations("TICKET_COMMENT_ADDED", payload.formatted(TENANT)).isEmpty());
        assertFalse(ConsumerContract.payloadViolations("TICKET_COMMENT_ADDED", payload.formatted("acme")).isEmpty());
    }

    @Test
    void refusesACommentWithoutItsIdAndAuthor() {
        String payload = "{\"tenantId\":\"" + TENANT + "\",\"ticketId\":\"" + TICKET + "\",\"userId\":\"" + USER
                + "\",\"comment\":{\"content\":\"hi\"}}";
        assertFalse(ConsumerContract.payloadViolations("TICKET_COMMENT_ADDED", payload).isEmpty());
    }

    @Test
    void envelopeNeedsAZuluTimestampAndAValidPayload() {
        String envelope = "{\"id\":\"" + USER + "\",\"eventType\":\"TICKET_COMMENT_ADDED\",\"timestamp\":\"%s\","
                + "\"payload\":{\"tenantId\":\"%s\",\"ticketId\":\"" + TICKET + "\",\"userId\":\"" + USER + "\"}}";
        assertTrue(ConsumerContract.envelopeViolations(envelope.formatted("2026-11-23T07:41:51.792Z", TENANT)).isEmpty());
        assertFalse(ConsumerContract.envelopeViolations(envelope.formatted("2026-11-23T07:41:51.792+01:00", TENANT)).isEmpty());
        assertFalse(ConsumerContract.envelopeViolations(envelope.formatted("2026-11-23T07:41:51.792Z", "acme")).isEmpty());
    }

    @Test
    void workflowEntryNeedsItsRequiredFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("event_id", USER);
        fields.put("execution_id", "");
        fields.put("event_name", "TICKET_CREATED");
        fields.put("event_type", "TICKET_CREATED");
        fields.put("tenant", TENANT);
        fields.put("timestamp", "2026-11-23T07:41:51.792Z");
        fields.put("user_id", "");
        fields.put("payload_json", "{\"tenantId\":\"" + TENANT + "\"}");
        assertTrue(ConsumerContract.workflowEntryViolations(fields).isEmpty());
        fields.put("event_id", "not-a-uuid");
        assertFalse(ConsumerContract.workflowEntryViolations(fields).isEmpty());
    }
}
