package dev.herald.api.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/** One member of a request body that is not of the type or range its endpoint takes: where (a JSON pointer) and why. */
public record BodyIssue(String pointer, String message) {

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("pointer", pointer).add("message", message).build();
    }
}
