package dev.herald.api.asyncapi;

import dev.herald.api.auth.Caller;
import dev.herald.asyncapi.AsyncApiService;
import dev.herald.auth.Groups;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The caller's tenant's catalog as an AsyncAPI 3.0.0 document: the Redis streams and pub/sub channels Herald writes,
 * one message per event type with its payload schema, the tenant's custom types as {@code CUSTOM_EVENT} messages.
 * Under {@code /api} (not at the root beside {@code /openapi}, which Liberty's mpOpenAPI serves): the WAR's one
 * JAX-RS application is {@code /api}, and that is where the bearer token is checked.
 */
@Path("/asyncapi")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class AsyncApiResource {

    @Inject
    Caller caller;

    @Inject
    AsyncApiService asyncApi;

    @GET
    @Operation(summary = "The tenant's event catalog as an AsyncAPI 3.0.0 document (Redis streams, pub/sub channels, messages)")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document (abridged here to one event type)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"asyncapi\":\"3.0.0\",\"info\":{\"title\":\"Herald domain events\",\"version\":\"0.1.0\"},"
                            + "\"defaultContentType\":\"application/json\","
                            + "\"channels\":{\"pubsub.TICKET_CREATED\":{\"address\":\"event::TICKET_CREATED\",\"messages\":{\"TICKET_CREATED\":{\"$ref\":\"#/components/messages/TICKET_CREATED\"}}}},"
                            + "\"operations\":{\"pubsub.TICKET_CREATED.send\":{\"action\":\"send\",\"channel\":{\"$ref\":\"#/channels/pubsub.TICKET_CREATED\"}}},"
                            + "\"components\":{\"messages\":{\"TICKET_CREATED\":{\"name\":\"TICKET_CREATED\",\"title\":\"Ticket Created\",\"payload\":{\"type\":\"object\"}}}}}")))
    public JsonObject document() {
        return asyncApi.document(caller.tenant());
    }
}
