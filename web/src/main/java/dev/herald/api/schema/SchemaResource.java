package dev.herald.api.schema;

import dev.herald.kernel.WireJson;
import dev.herald.schema.ExampleGenerator;
import dev.herald.schema.FormDescriptor;
import dev.herald.schema.PayloadSchema;
import dev.herald.schema.SchemaRegistry;
import dev.herald.auth.Groups;
import dev.herald.api.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;

/** The payload schemas: as JSON Schema, their versions, a generated example and the simulator's form descriptor. */
@Path("/schemas")
@RolesAllowed({Groups.READER, Groups.SIMULATOR, Groups.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class SchemaResource {

    @Inject
    SchemaRegistry registry;

    @GET
    @Path("/{ref}")
    @Operation(summary = "A payload schema as JSON Schema, by ref (payload.TicketCreated.v1) or name (latest version)")
    @Parameter(name = "ref", in = ParameterIn.PATH, description = "a schema ref, or a name for its latest version", example = "payload.TicketCreated.v1")
    @APIResponse(responseCode = "200", description = "The JSON Schema",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\",\"required\":[\"tenantId\",\"ticketId\"],\"properties\":{\"tenantId\":{\"type\":\"string\"},\"ticketId\":{\"type\":\"string\",\"format\":\"uuid\"}}}")))
    @APIResponse(responseCode = "404", description = "Not Found",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(name = "problem",
                    value = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"no payload schema payload.Nope.v1\",\"instance\":\"/api/schemas/payload.Nope.v1\"}")))
    public Response schema(@PathParam("ref") String ref) {
        return withSchema(ref, PayloadSchema::document);
    }

    @GET
    @Path("/{ref}/example")
    @Operation(summary = "An example payload generated from the schema")
    @Parameter(name = "ref", in = ParameterIn.PATH, description = "a schema ref, or a name for its latest version", example = "payload.TicketCreated.v1")
    @APIResponse(responseCode = "200", description = "A payload generated from the schema",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"tenantId\":\"acme\",\"ticketId\":\"3f1c2a9e-0000-4000-8000-000000000001\"}")))
    public Response example(@PathParam("ref") String ref) {
        return withSchema(ref, ExampleGenerator::generate);
    }

    @GET
    @Path("/{ref}/form")
    @Operation(summary = "The form descriptor of the schema: fields, types, required, enums, nesting")
    @Parameter(name = "ref", in = ParameterIn.PATH, description = "a schema ref, or a name for its latest version", example = "payload.TicketCreated.v1")
    @APIResponse(responseCode = "200", description = "The form descriptor",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"fields\":[{\"name\":\"ticketId\",\"type\":\"string\",\"format\":\"uuid\",\"required\":true}]}")))
    public Response form(@PathParam("ref") String ref) {
        return withSchema(ref, schema -> FormDescriptor.of(schema).toJson());
    }

    @GET
    @Path("/{name}/versions")
    @Operation(summary = "The versions of a schema name, e.g. TicketCreated")
    @Parameter(name = "name", in = ParameterIn.PATH, description = "a schema name", example = "TicketCreated")
    @APIResponse(responseCode = "200", description = "Its versions and the latest ref",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "example",
                    value = "{\"name\":\"TicketCreated\",\"versions\":[1],\"latest\":\"payload.TicketCreated.v1\"}")))
    public Response versions(@PathParam("name") String name) {
        List<Integer> versions = registry.versions(name);
        if (versions.isEmpty()) {
            return Problems.notFound("no schema named " + name);
        }
        return Response.ok(WireJson.json().createObjectBuilder().add("name", name)
                .add("versions", WireJson.json().createArrayBuilder(versions))
                .add("latest", "payload." + name + ".v" + versions.get(versions.size() - 1)).build()).build();
    }

    private Response withSchema(String refOrName, Function<PayloadSchema, Object> render) {
        return registry.schema(refOrName).or(() -> registry.latest(refOrName))
                .map(schema -> Response.ok(render.apply(schema)).build())
                .orElseGet(() -> Problems.notFound("no payload schema " + refOrName));
    }
}
