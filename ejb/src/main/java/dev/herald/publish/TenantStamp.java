package dev.herald.publish;

import dev.herald.kernel.WireJson;
import dev.herald.events.EventIssue;
import dev.herald.events.InvalidEventException;
import dev.herald.auth.TenantDirectory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Puts the tenant id on an event's payload in the form the consumers read: a slug in {@code tenantId} becomes the
 * tenant's UUID, and a type whose consumers read the tenant from {@code tenant} (the INVENTORY_* shape) carries the
 * same UUID there, filled in when absent (and {@code tenantId} from it, when only it is given). A {@code tenant} naming another tenant than {@code tenantId} is refused.
 * Anything that is not a string is left for the schema check to report.
 */
public final class TenantStamp {

    static final String TENANT_ID = "tenantId";
    static final String TENANT = "tenant";

    private final TenantDirectory directory;
    private final PayloadValidator schemas;

    public TenantStamp(TenantDirectory directory, PayloadValidator schemas) {
        this.directory = directory;
        this.schemas = schemas;
    }

    /** @throws InvalidEventException when {@code tenant} and {@code tenantId} name two tenants */
    public DomainEvent apply(DomainEvent event) {
        JsonObject payload = event.payload();
        boolean tenantShape = schemas.declares(event.eventType(), TENANT);
        JsonValue named = payload.containsKey(TENANT_ID) || !tenantShape ? payload.get(TENANT_ID) : payload.get(TENANT);
        if (!(named instanceof JsonString text) || text.getString().isBlank()) {
            return event;
        }
        String id = directory.idOf(text.getString());
        if (!tenantShape && id.equals(text.getString())) {
            return event; // the common case on the hot path: already the id, nothing to copy
        }
        JsonObjectBuilder stamped = WireJson.builders().createObjectBuilder(payload).add(TENANT_ID, id);
        if (tenantShape) {
            JsonValue tenant = payload.get(TENANT);
            if (tenant instanceof JsonString other && !directory.idOf(other.getString()).equals(id)) {
                throw new InvalidEventException(event.eventType(), List.of(new EventIssue("/payload/" + TENANT,
                        "names tenant '" + other.getString() + "', but tenantId is " + id)));
            }
            if (tenant == null || tenant instanceof JsonString) {
                stamped.add(TENANT, id);
            }
        }
        JsonObject result = stamped.build();
        return result.equals(payload) ? event : event.withPayload(result);
    }
}
