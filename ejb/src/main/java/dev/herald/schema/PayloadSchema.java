package dev.herald.schema;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One registered payload schema, e.g. {@code payload.TicketCreated.v1}: its name ({@code TicketCreated}), its
 * version ({@code 1}), the schema document and the example payloads it carries (all of which validate, or the
 * registry would not have loaded it).
 */
public record PayloadSchema(String ref, String name, int version, JsonObject document, List<JsonObject> examples) {

    public PayloadSchema {
        examples = List.copyOf(examples);
    }

    /** The schema's title, falling back to its name for schemas written without one. */
    public String title() {
        return document.getString("title", name);
    }

    public String description() {
        return document.getString("description", "");
    }
}
