package dev.herald.api.web;

import dev.herald.kernel.WireJson;
import jakarta.json.JsonObject;

/** One member of a request body that is not of the type or range its endpoint takes: where (a JSON pointer) and why. */
public record BodyIssue(String pointer, String message) {

    public JsonObject toJson() {
        return WireJson.json().createObjectBuilder().add("pointer", pointer).add("message", message).build();
    }
}
