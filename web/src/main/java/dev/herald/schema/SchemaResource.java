package dev.herald.schema;

import dev.herald.auth.Groups;
import dev.herald.web.Problems;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    public Response schema(@PathParam("ref") String ref) {
        return withSchema(ref, PayloadSchema::document);
    }

    @GET
    @Path("/{ref}/example")
    @Operation(summary = "An example payload generated from the schema")
    public Response example(@PathParam("ref") String ref) {
        return withSchema(ref, ExampleGenerator::generate);
    }

    @GET
    @Path("/{ref}/form")
    @Operation(summary = "The form descriptor of the schema: fields, types, required, enums, nesting")
    public Response form(@PathParam("ref") String ref) {
        return withSchema(ref, schema -> FormDescriptor.of(schema).toJson());
    }

    @GET
    @Path("/{name}/versions")
    @Operation(summary = "The versions of a schema name, e.g. TicketCreated")
    public Response versions(@PathParam("name") String name) {
        List<Integer> versions = registry.versions(name);
        if (versions.isEmpty()) {
            return Problems.notFound("no schema named " + name);
        }
        return Response.ok(Json.createObjectBuilder().add("name", name)
                .add("versions", Json.createArrayBuilder(versions))
                .add("latest", "payload." + name + ".v" + versions.get(versions.size() - 1)).build()).build();
    }

    private Response withSchema(String refOrName, Function<PayloadSchema, Object> render) {
        return registry.schema(refOrName).or(() -> registry.latest(refOrName))
                .map(schema -> Response.ok(render.apply(schema)).build())
                .orElseGet(() -> Problems.notFound("no payload schema " + refOrName));
    }
}
