package dev.herald.it;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds publish requests and reads events back off the wire, for the publishing tests. */
final class Events {

    static final String TICKET_CREATED_STREAM = "alga-psa:event-stream:global:TICKET_CREATED";
    static final String PROJECT_CREATED_STREAM = "alga-psa:event-stream:global:PROJECT_CREATED";

    private Events() {
    }

    static JsonObjectBuilder ticketCreated(String tenant) {
        return ticketCreated(tenant, UUID.randomUUID().toString());
    }

    static JsonObjectBuilder ticketCreated(String tenant, String ticketId) {
        return Json.createObjectBuilder().add("eventType", "TICKET_CREATED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add("ticketId", ticketId));
    }

    /**
     * An event no consumer in the server reacts to (no subscriber, no workflow trigger), for the tests that publish
     * thousands: as TICKET_CREATED they left the ticket-notification subscriber 10,000 entries to work through and
     * started 10,000 ticket-lifecycle executions, on the cores and the database the later tests use.
     */
    static JsonObjectBuilder projectCreated(String tenant) {
        return Json.createObjectBuilder().add("eventType", "PROJECT_CREATED")
                .add("payload", Json.createObjectBuilder().add("tenantId", tenant).add("projectId", UUID.randomUUID().toString()));
    }

    static JsonObject channels(JsonObjectBuilder request, String... names) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String name : names) {
            list.add(name);
        }
        return request.add("channels", list).build();
    }

    static JsonObject envelope(Map<String, String> entry) {
        return TicketEventRelayIT.parse(entry.get("event"));
    }

    static String id(Map<String, String> entry) {
        return envelope(entry).getString("id");
    }

    static String tenant(Map<String, String> entry) {
        return envelope(entry).getJsonObject("payload").getString("tenantId");
    }

    /** Event ids on a stream for one tenant, in stream order. */
    static List<String> idsOfTenant(List<Map<String, String>> entries, String tenant) {
        return entries.stream().filter(e -> tenant.equals(tenant(e))).map(Events::id).toList();
    }
}
