package dev.herald.versions;

import dev.herald.events.Downcaster;
import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.events.types.TicketCreated;
import dev.herald.kernel.WireJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.util.List;

/**
 * {@code TICKET_CREATED} v2 → v1, the inverse of {@link TicketCreatedUpcaster} on what v1 can say:
 * {@code openedByUserId} becomes {@code createdByUserId}, and {@code openedVia} is kept as {@code actorType} when
 * that is absent (so upcasting the result gives the same {@code openedVia}). A v2 payload whose {@code openedVia}
 * contradicts its {@code actorType} has no v1 form and is refused.
 */
@ApplicationScoped
public class TicketCreatedDowncaster implements Downcaster {

    @Override
    public String eventType() {
        return TicketCreated.NAME;
    }

    @Override
    public int fromVersion() {
        return 2;
    }

    @Override
    public JsonObject downcast(JsonObject v2) {
        JsonObjectBuilder v1 = WireJson.builders().createObjectBuilder();
        TicketCreatedUpcaster.KEPT.stream().filter(v2::containsKey).forEach(field -> v1.add(field, v2.get(field)));
        if (v2.containsKey("openedByUserId")) {
            v1.add("createdByUserId", v2.get("openedByUserId"));
        }
        String openedVia = v2.get("openedVia") instanceof JsonString s ? s.getString() : null;
        String actorType = v2.get("actorType") instanceof JsonString s ? s.getString() : null;
        if (openedVia != null && actorType == null) {
            v1.add("actorType", openedVia);
        } else if (openedVia != null && !openedVia.equals(actorType)) {
            throw new InvalidEventException(TicketCreated.NAME, List.of(new EventIssue("/payload/openedVia",
                    "is " + openedVia + " while actorType is " + actorType + ": TICKET_CREATED v1 has only actorType,"
                            + " so this v2 event has no v1 form")));
        }
        return v1.build();
    }
}
