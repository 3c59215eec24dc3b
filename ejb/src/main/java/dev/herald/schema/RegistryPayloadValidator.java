package dev.herald.schema;

import dev.herald.events.EventIssue;
import dev.herald.publish.PayloadValidator;
import jakarta.json.JsonObject;
import java.util.List;

/** Validates a payload against the schema the system catalog names for its event type. */
public final class RegistryPayloadValidator implements PayloadValidator {

    private final SchemaRegistry registry;

    public RegistryPayloadValidator(SchemaRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<EventIssue> validate(String eventType, JsonObject payload) {
        return registry.refForEventType(eventType)
                .map(ref -> registry.validate(ref, payload).stream().map(SchemaIssue::toEventIssue).toList())
                .orElseGet(() -> List.of(new EventIssue("/eventType",
                        "unknown event type '" + eventType + "': it is not in the event catalog (GET /api/catalog)")));
    }

    @Override
    public List<EventIssue> validate(String eventType, int version, JsonObject payload) {
        if (version == 1) {
            return validate(eventType, payload);
        }
        return registry.refForEventType(eventType, version)
                .map(ref -> registry.validate(ref, payload).stream().map(SchemaIssue::toEventIssue).toList())
                .orElseGet(() -> List.of(new EventIssue("/version", eventType + " has no version " + version
                        + registry.refForEventType(eventType).map(ref -> " (it has versions "
                        + registry.versions(SchemaRef.parse(ref).name()) + ")").orElse(": it is not in the event catalog"))));
    }

    @Override
    public boolean declares(String eventType, String field) {
        return declares(eventType, 1, field);
    }

    @Override
    public boolean declares(String eventType, int version, String field) {
        return registry.refForEventType(eventType, version).flatMap(registry::schema)
                .map(schema -> SchemaNodes.effective(schema.document(), schema.document()).getJsonObject("properties"))
                .map(properties -> properties != null && properties.containsKey(field))
                .orElse(false);
    }
}
