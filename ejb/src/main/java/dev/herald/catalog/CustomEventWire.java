package dev.herald.catalog;

import dev.herald.publish.DomainEvent;
import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.function.Function;

/**
 * How a tenant's custom event travels: the consumers know only the catalog's system types, and take a type of
 * their own as {@code CUSTOM_EVENT} whose payload names it ({@code eventName}). So a custom event is checked against
 * its own schema (the tenant's, or the registry schema it references), then published as {@code CUSTOM_EVENT} with
 * {@code eventName} set to its type; the workflow stream carries that name as {@code event_name}.
 */
public final class CustomEventWire {

    public static final String CUSTOM_EVENT = "CUSTOM_EVENT";
    static final String EVENT_NAME = "eventName";

    private CustomEventWire() {
    }

    /**
     * @param issuesAgainstItsSchema the issues of a payload against the custom type's schema
     * @throws InvalidEventException with every issue, pointers under {@code /payload}
     */
    public static DomainEvent asCustomEvent(DomainEvent event, Function<JsonObject, List<EventIssue>> issuesAgainstItsSchema) {
        JsonObject payload = event.payload();
        List<EventIssue> issues = issuesAgainstItsSchema.apply(payload).stream()
                .map(issue -> new EventIssue("/payload" + issue.pointer(), issue.message())).toList();
        if (!issues.isEmpty()) {
            throw new InvalidEventException(event.eventType(), issues);
        }
        JsonValue named = payload.get(EVENT_NAME);
        if (named != null && !(named instanceof JsonString text && text.getString().equals(event.eventType()))) {
            throw new InvalidEventException(event.eventType(), List.of(new EventIssue("/payload/" + EVENT_NAME,
                    "is set by Herald to the custom type's name, " + event.eventType() + "; leave it out")));
        }
        JsonObject wirePayload = WireJson.builders().createObjectBuilder(payload).add(EVENT_NAME, event.eventType()).build();
        return new DomainEvent(CUSTOM_EVENT, wirePayload, event.aggregateKey(), event.channels(), event.idempotencyKey(),
                event.simulated());
    }
}
