package dev.herald.versions;

import dev.herald.events.Upcaster;
import dev.herald.events.types.TicketCreated;
import dev.herald.kernel.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;

/**
 * {@code TICKET_CREATED} v1 → v2 (schemas payload.TicketCreated.v2.json): {@code createdByUserId} becomes
 * {@code openedByUserId} (the legacy shape's {@code userId} too, when there is no {@code createdByUserId}), and
 * {@code openedVia} is derived from the actor: its {@code actorType} when given, else {@code CONTACT} for an
 * {@code actorContactId}, {@code USER} for a user, {@code SYSTEM} when nobody is named. v2 has one shape, so the
 * legacy shape's other fields (comment, assignedByUserId, the suppress flags) are not carried over: a reader that
 * needs them reads v1, and so does a legacy {@code changes} that is not a map of field to change.
 */
@ApplicationScoped
public class TicketCreatedUpcaster implements Upcaster {

    /** The v1 fields v2 keeps under the same name. */
    static final List<String> KEPT = List.of("tenantId", "occurredAt", "ticketId", "actorUserId", "actorContactId",
            "actorType", "createdAt", "updatedFields", "changes");

    @Override
    public String eventType() {
        return TicketCreated.NAME;
    }

    @Override
    public int fromVersion() {
        return 1;
    }

    @Override
    public JsonObject upcast(JsonObject v1) {
        JsonObjectBuilder v2 = WireJson.builders().createObjectBuilder();
        KEPT.stream().filter(v1::containsKey).filter(field -> !field.equals("changes") || isFieldChanges(v1.get(field)))
                .forEach(field -> v2.add(field, v1.get(field)));
        String openedBy = text(v1, "createdByUserId");
        if (openedBy == null) {
            openedBy = text(v1, "userId");
        }
        if (openedBy != null) {
            v2.add("openedByUserId", openedBy);
        }
        return v2.add("openedVia", openedVia(v1, openedBy)).build();
    }

    private static String openedVia(JsonObject v1, String openedBy) {
        String actorType = text(v1, "actorType");
        if (actorType != null) {
            return actorType;
        }
        if (v1.containsKey("actorContactId")) {
            return "CONTACT";
        }
        return v1.containsKey("actorUserId") || openedBy != null ? "USER" : "SYSTEM";
    }

    /** v2's {@code changes} maps each field to {@code {previous, new}}; the legacy shape's free-form object may not. */
    private static boolean isFieldChanges(jakarta.json.JsonValue changes) {
        return changes instanceof JsonObject map && map.values().stream().allMatch(JsonObject.class::isInstance);
    }

    private static String text(JsonObject payload, String field) {
        return payload.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
