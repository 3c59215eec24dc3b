package dev.herald.api.workflow;

import jakarta.json.JsonObject;

/** An execution as an HTTP client asks for it to be started: the workflow, its initial data, a correlation key. */
public record StartRequest(String workflowName, JsonObject data, String correlationKey, String userId) {
}
