package dev.herald.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowStreamEntryTest {

    @Test
    void flatFieldsBecomeTheEventWithEmptyStringsAsAbsent() {
        WorkflowStreamEntry entry = WorkflowStreamEntry.parse(WorkflowStreamPassTest.entry("e-1", "TICKET_CREATED"));
        assertEquals("e-1", entry.eventId());
        assertEquals("TICKET_CREATED", entry.eventName());
        assertEquals("acme", entry.tenant());
        assertNull(entry.userId());
        assertNull(entry.correlationKey());
        assertEquals("t-1", entry.payload().getString("ticketId"));
    }

    @Test
    void missingEventNameFallsBackToTheType() {
        Map<String, String> fields = WorkflowStreamPassTest.entry("e-1", "TICKET_CREATED");
        fields.put("event_name", "");
        assertEquals("TICKET_CREATED", WorkflowStreamEntry.parse(fields).eventName());
    }

    @Test
    void entryWithoutTenantOrWithABrokenPayloadIsRefused() {
        Map<String, String> noTenant = WorkflowStreamPassTest.entry("e-1", "TICKET_CREATED");
        noTenant.put("tenant", "");
        assertThrows(IllegalArgumentException.class, () -> WorkflowStreamEntry.parse(noTenant));
        Map<String, String> broken = WorkflowStreamPassTest.entry("e-1", "TICKET_CREATED");
        broken.put("payload_json", "{not json");
        assertThrows(IllegalArgumentException.class, () -> WorkflowStreamEntry.parse(broken));
    }
}
